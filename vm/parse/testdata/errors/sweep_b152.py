from a
