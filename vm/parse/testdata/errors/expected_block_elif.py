if x:
 z
elif y:
z
