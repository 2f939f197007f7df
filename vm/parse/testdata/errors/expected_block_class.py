class A:
z
