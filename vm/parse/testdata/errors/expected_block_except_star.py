try:
 z
except* E:
z
