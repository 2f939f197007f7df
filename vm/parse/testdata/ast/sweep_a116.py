x = f'{a}' 'b' f'{c:d}'
