x = 5 if 1
