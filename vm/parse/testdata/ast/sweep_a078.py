if x:


    y
