class A:
    x = 1
    @property
    def f(self): return 1
