a = 1
x = f"\d{a}"
y = f"{a}\w"
