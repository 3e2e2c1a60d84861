def f(l):
    return l
