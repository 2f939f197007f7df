x = 'a\'b'
