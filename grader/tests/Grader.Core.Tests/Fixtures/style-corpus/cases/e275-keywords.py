from os import(path)
x = 1
if(x):
    pass
assert(x)
y = not(x)
z = x if(x) else(1)
