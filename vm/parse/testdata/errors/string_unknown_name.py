'\N{NOPE}'
