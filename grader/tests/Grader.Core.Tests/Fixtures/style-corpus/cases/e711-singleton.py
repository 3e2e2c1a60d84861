a = 1
if a == None:
    pass
if None != a:
    pass
