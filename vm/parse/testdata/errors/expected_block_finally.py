try:
 z
finally:
z
