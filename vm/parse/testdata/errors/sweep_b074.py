x = f'{a=
'
