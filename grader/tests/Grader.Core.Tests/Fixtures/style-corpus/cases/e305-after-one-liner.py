def a(): pass
x = 1
