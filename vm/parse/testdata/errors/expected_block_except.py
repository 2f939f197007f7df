try:
 z
except:
z
