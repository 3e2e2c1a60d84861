import os
@property
def f():
    return os
