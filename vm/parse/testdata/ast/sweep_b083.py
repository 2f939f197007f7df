x = f'{*a, b}'
