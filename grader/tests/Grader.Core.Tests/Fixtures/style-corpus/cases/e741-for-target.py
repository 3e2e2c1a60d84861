for l in range(3):
    pass
