a = f'''
{x}
'''
b = f'''abc
  {y} def
  {z!r}'''
c = f'''{
  w}'''
d = (f'{a}'
     f'{b}')
