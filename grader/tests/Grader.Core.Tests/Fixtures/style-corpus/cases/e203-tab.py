x = {1	: 2}
y = [1, 2]
print(y	, x)
