with open(f) as (a, b): pass
