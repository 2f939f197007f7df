x = f'{x}' f'' f''
