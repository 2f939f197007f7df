café = 1
π = 3.14
日本 = "japan"
x_ñ = π * 2
ﬁ = 1
ℌ = 2
class Über: pass
