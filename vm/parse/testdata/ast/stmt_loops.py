while x:
    pass
while x:
    break
else:
    pass
for x in y:
    continue
for x, y in z:
    pass
for (x, y) in z:
    pass
for [x] in y:
    pass
for x in y:
    pass
else:
    pass
for x.a in y: pass
for x[0] in y: pass
for *a, b in c: pass
for x in 1, 2, 3: pass
for x, in y: pass
