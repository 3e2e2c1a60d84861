async def f():
    await g()


async def g():
    pass
