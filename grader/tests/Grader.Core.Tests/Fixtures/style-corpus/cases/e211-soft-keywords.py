def match(a):
    return a


def case(a):
    return a


def _(a):
    return a


match (1)
case (2)
_ (3)
type (4)
print (5)
