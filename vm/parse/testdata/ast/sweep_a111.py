i = j = k = 0
