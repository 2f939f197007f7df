try:
 pass
else:
 pass
