x = 1
if x >= 12:
    pass
if x == l:
    pass
