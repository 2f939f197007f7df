f(**a, *b)
'abc
