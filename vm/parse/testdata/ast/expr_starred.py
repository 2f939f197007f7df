print(*a)
print(*a, *b)
x = [*a]
y = {*a}
z = (*a,)
return_ = *a, *b
for x in *a, *b:
    pass
