x = 1
if type(x) == type(1):
    pass
if x.istype(1) == type(2):
    pass
