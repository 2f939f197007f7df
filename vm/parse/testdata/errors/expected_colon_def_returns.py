def f(x) -> int x:
 pass
