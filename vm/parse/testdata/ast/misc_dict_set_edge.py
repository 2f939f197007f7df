a = {1: 2, **b, 3: 4}
b = {x: y for x in z if x for y in w}
c = {(1, 2): 3}
d = {lambda: 1: 2}
e = {a if b else c: d}
f = {**{1: 2}}
