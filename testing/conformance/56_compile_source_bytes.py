# compile(), exec() and eval() take source as bytes too, decoded as PEP 263
# says: UTF-8 unless a coding declaration says otherwise, a BOM dropped.
sources = [
    b'x = 1\n',
    b'\xef\xbb\xbfx = 2\n',
    b'# -*- coding: latin-1 -*-\nx = \'\xe9\'\n',
    b'#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\nx = "\xe0"\n',
    b'x\x00 = 1',
    'x\x00 = 1',
    5,
    None,
]
for src in sources:
    try:
        code = compile(src, 'f.py', 'exec')
        ns = {}
        exec(code, ns)
        print('ok', repr(ns.get('x')))
    except Exception as e:
        print(type(e).__name__, e)
ns = {}
exec(b'y = 3', ns)
print(ns['y'], eval(b'1 + 2'), eval(b'\xef\xbb\xbf"\xc3\xa9"'))
try:
    eval(b'\xff')
except SyntaxError as e:
    print('SyntaxError', str(e).split(':')[0])
