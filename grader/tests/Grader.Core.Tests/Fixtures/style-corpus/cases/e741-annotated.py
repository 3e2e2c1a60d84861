l: int = 1
