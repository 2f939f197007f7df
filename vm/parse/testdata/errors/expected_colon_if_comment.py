if x  # hi
  pass
