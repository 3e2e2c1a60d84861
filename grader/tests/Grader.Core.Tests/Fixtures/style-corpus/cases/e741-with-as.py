with open("f") as l:
    pass
