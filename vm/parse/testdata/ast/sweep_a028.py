a = 1 if b else 2 if c else 3
