match(x)
print "a"
