x
1
"s"
f(x)
a.b
...
x, y
(x)
((x))
-x
not x
[x]
