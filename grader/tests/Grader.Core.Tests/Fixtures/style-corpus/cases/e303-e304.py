x = 1



y = 2


@property

def f():
    pass
