# block comment
x = 1
