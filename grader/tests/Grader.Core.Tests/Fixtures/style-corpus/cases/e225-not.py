a = 1
b = not(a)
c = 1 if not(a) else 2
