def f():
    global l
    l = 1
