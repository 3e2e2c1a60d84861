# comment

def f():
    pass
