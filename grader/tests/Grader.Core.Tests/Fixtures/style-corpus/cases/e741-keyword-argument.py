x = dict(l=1)
