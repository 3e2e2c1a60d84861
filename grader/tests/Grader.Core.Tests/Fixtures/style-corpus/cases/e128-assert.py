x = 1
assert x, ("a"
       "b")
