try:
 pass
finally
 pass
