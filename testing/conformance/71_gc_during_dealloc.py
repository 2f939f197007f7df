# A collection started by __del__ while a list, tuple, dict or instance dict
# releases its items must not visit the container being freed (the
# binary before the fix segfaulted here).
import gc
class D:
    def __init__(self, n): self.n = n
    def __del__(self):
        gc.collect()
        print('del', self.n)
def run(make):
    c = make()
    del c
    print('--')
run(lambda: [D(0), D(1), D(2)])
run(lambda: (D(0), D(1), D(2), []))
run(lambda: {'a': D(0), 'b': D(1), 'c': [D(2)]})
class Holder: pass
def inst():
    h = Holder(); h.a = D(0); h.b = D(1); h.c = []
    return h
run(inst)
print('end')
