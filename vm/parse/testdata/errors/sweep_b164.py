x = [i for in range(10)]
