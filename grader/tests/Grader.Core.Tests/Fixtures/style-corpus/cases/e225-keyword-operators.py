a = b = 1
c = a if(a)in(b, 1) else 2
d = (1)or(2)
e = (1)and b
f = a is(b)
