try:
 pass
except*  
 pass
