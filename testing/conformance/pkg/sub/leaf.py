SIDE = 250
NAME = __name__
