import os
# a comment


def f():
    pass

# a second comment

def g():
    return os
