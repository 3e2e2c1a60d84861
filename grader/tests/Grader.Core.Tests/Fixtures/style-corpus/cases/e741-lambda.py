f = lambda l: l
