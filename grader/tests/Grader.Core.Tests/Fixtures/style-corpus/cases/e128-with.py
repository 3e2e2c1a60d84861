with open("a",
     "r") as f:
    pass
