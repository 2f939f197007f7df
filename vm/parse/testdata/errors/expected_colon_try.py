try
 pass
