def f(x
  pass
