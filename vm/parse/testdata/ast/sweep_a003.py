print(*args, sep='', **kw)
