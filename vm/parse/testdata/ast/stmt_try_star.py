try:
    pass
except* E:
    pass
try:
    pass
except* (E, F) as g:
    pass
except *H:
    pass
else:
    pass
finally:
    pass
