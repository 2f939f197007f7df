f = lambda a=lambda b=1: b, *c, d=lambda: 2, **e: (a, c, d, e)
