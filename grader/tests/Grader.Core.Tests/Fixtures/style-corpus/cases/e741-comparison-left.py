l = 1
if l >= 12:
    pass
if l == 1:
    pass
