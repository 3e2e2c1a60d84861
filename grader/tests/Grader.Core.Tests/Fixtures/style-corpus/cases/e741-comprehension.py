x = [l for l in range(3)]
