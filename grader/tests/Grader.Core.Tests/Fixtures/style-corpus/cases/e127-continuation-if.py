if (1 and
        2):
    pass
x = (1 +
      2)
