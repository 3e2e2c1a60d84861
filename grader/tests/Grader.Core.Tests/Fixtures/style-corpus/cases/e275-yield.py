def f():
    x = (yield)
    return x
