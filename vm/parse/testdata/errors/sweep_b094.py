x = '\Nabc'
