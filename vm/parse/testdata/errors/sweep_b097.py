x = '\uDEFG'
