x = dict(l=1, I=2)
y = x
