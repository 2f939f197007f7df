x = '\N{EURO SIGN}'
