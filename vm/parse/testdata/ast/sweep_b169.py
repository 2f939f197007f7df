print >> f, 'x'
