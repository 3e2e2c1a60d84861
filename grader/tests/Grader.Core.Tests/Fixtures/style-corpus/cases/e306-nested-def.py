def f():
    x = 1
    def g():
        pass
    return x, g
