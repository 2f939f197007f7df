a = not x and y or z
b = x if y or z else w
c = -x ** -y
d = x < y | z
e = x + y << z & w ^ v | u
f = a * b @ c / d // e % f
g = x.y[z](w) ** 2
h = await_ or lambda_
