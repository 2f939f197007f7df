f(x for x in y)(z for z in w)
