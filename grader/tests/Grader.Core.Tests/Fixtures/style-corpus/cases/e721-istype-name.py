def istype(a):
    return a


if istype(1) == type(2):
    pass
