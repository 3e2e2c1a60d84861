a = b = 1
if a is not b is not None:
    pass
if not a is b:
    pass
