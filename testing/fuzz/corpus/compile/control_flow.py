for i in range(3):
    while i:
        i -= 1
        if i == 1: continue
        break
    else:
        pass
try:
    raise ValueError
except* ValueError as eg:
    pass
try:
    x = 1
except (KeyError, IndexError) as e:
    del e
else:
    y = 2
finally:
    z = 3
with open(__file__) as f, open(__file__) as g:
    pass
match [1, {"a": 2}]:
    case [int(n), {"a": 2 | 3 as m}] if n < m:
        pass
    case _:
        pass
