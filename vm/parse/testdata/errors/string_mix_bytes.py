b'\xff' 'a'
