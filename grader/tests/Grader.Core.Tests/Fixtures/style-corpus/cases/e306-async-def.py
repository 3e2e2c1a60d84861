def f():
    x = 1
    async def g():
        pass
    return x, g
