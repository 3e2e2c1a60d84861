def _(a):
    return a


_ = 1
x = _ -1
