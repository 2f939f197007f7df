if x:
 z
else:
z
