x = 1
abÿ = 2
