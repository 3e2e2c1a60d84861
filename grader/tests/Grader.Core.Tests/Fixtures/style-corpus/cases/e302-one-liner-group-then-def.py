def a(): pass


def b(): pass
def c():
    pass
