x = print 'a', 'b'
