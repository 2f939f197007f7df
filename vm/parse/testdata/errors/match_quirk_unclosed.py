match(x)
x = (
