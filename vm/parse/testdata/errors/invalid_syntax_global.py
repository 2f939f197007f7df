global a, b.c
