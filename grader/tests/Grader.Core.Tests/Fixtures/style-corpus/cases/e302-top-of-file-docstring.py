"""Doc."""
def f():
    pass
