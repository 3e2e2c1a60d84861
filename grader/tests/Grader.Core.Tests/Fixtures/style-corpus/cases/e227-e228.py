a = 1
b = a|a
c = a%a
