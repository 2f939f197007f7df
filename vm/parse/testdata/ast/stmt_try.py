try:
    pass
except:
    pass
try:
    a
except E:
    b
except (F, G) as e:
    c
else:
    d
finally:
    e
try:
    pass
finally:
    pass
try:
    pass
except E as e:
    pass
except:
    pass
