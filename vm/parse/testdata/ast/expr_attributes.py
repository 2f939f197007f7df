a.b
a.b.c.d
a().b
a[0].b
(a).b
"s".join(x)
1 .real
x.if_
