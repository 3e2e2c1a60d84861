class I:
    pass
