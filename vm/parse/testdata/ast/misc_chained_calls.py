a.b(c).d[e](f).g
x = obj.attr[0](1, 2)(3)[4:5].name
