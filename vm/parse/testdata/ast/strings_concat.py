a = 'a' 'b'
b = ('x'
     'y'
     'z')
c = u'a' 'b'
d = 'a' u'b'
e = b'a' b'b'
f = r'\d' '\n'
g = 'é' 'ü'
