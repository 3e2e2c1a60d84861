def f(*l, **I):
    return l
