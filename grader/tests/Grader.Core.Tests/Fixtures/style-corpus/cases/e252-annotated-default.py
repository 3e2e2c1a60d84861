def f(a: int=1):
    return a
