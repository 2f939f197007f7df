with x:
z
