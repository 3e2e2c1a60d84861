def f(l=1):
    return l
