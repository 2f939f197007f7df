x = a.b.c()
()
