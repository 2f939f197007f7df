a = '\n\t\\\'\"\a\b\f\v\r\0'
b = '\x41\x7f\xff\u00e9\u20ac\U0001F600'
c = '\101\7\77\777'
d = '\N{BULLET}\N{EM DASH}\N{LATIN SMALL LETTER E WITH ACUTE}\N{greek small letter alpha}'
e = '\q\w\%'
f = 'line\
continued'
g = '\ud800'
h = '\x00\x01\x1f\x7f\x80\x9f\xa0\xad'
