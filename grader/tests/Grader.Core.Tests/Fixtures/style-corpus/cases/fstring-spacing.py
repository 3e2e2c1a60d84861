a = 1
x = f"{a+1}"
y = f"{a!r:>10}"
z = f"{ a }"
