a = b = 1
if not a in b:
    pass
