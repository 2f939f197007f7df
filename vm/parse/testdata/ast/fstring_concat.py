a = 'a' f'{b}' 'c'
b = f'{x}' f'{y}'
c = u'u' f'{x}'
d = f'a' 'b'
e = ('line1 '
     f'{x} '
     'line3')
f = f'{x}' '' f''
