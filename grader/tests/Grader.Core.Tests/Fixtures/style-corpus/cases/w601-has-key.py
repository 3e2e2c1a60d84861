d = {}
if d.has_key(1):
    pass
