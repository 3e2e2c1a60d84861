a = 1
if a == True == False:
    pass
if True != a:
    pass
