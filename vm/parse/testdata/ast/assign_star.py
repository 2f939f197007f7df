*a, b = c
a, *b, c = d
x = *a, *b
first, *rest = items
