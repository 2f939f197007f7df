x = [*a, *b, c]
