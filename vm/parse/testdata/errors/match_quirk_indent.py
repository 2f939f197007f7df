match(x)
for x in y:
pass
