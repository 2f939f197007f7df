x = f'{x!r:^{width}.{prec}}'
