
def f():
    pass
