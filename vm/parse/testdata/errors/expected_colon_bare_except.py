try:
 pass
except
 pass
