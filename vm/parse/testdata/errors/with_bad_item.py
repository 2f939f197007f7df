with a x:
 pass
