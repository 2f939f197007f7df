@d
def f(): pass
@d1
@d2(arg)
@d3.attr
def g(): pass
@d
class C: pass
@d
async def h(): pass
@x[0].y(z)
def i(): pass
@(lambda f: f)
def j(): pass
@a := b
def k(): pass
