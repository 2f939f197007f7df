def f(): pass
  pass
