try:
z
