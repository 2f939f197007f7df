for x y:
 pass
