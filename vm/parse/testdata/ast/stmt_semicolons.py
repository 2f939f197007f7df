a = 1; b = 2
c = 3;
x; y; z
if x: a; b
if y: pass;
