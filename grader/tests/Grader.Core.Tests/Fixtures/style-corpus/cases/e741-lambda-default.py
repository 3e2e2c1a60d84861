f = lambda a=1, l=2: a
