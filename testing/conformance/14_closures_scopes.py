# Closures, cells, nonlocal and global at several depths, late binding, class scopes.

print("-- basic closures")


def make_adder(n):
    def add(x):
        return x + n
    return add


add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5.__closure__[0].cell_contents, make_adder.__code__.co_cellvars)


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count
    return inc, get


inc, get = make_counter()
inc(); inc(); inc(5)
inc2, get2 = make_counter()
inc2()
print(get(), get2())

print("-- nonlocal at depth")


def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
            return x
        r = inner()
        return r, x
    res = middle()
    return res, x


print(outer())


def three_levels():
    a = 1

    def l1():
        b = 2

        def l2():
            c = 3

            def l3():
                nonlocal a, b, c
                a, b, c = a * 10, b * 10, c * 10
                return a + b + c
            return l3(), c
        return l2(), b
    return l1(), a


print(three_levels())

print("-- global at depth")
g = 0
total = []


def set_global():
    global g
    g = 1

    def nested():
        global g
        g += 10

        def deeper():
            global g, new_global
            g *= 2
            new_global = "created"
        deeper()
    nested()


set_global()
print(g, new_global)


def read_global():
    return g + 1


def shadow():
    g = "local"
    return g


print(read_global(), shadow(), g)

print("-- late binding and default capture")
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])
fns = []
for j in range(3):
    def f(k=j):
        return k * j
    fns.append(f)
print([f() for f in fns])


def make_all():
    out = []
    for m in range(3):
        out.append(lambda: m)
    m = 100
    return out


print([f() for f in make_all()])

print("-- closures over loop cells and mutation")


def accumulator():
    items = []

    def add(x):
        items.append(x)
        return list(items)
    return add


acc = accumulator()
acc(1)
print(acc(2), acc(3))


def fib_memo():
    memo = {0: 0, 1: 1}

    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib


print(fib_memo()(90))

print("-- UnboundLocalError and NameError")


def broken():
    print(undefined_name_xyz)


def unbound():
    if False:
        loc = 1
    return loc


def shadowing_error():
    value = g
    g = 5
    return value


for fn in (broken, unbound, shadowing_error):
    try:
        fn()
    except NameError as e:
        print(type(e).__name__, e)

print("-- class scope")
x = "global x"


class C:
    x = "class x"
    y = x + "!"
    items = [x for _ in range(1)]

    def method(self):
        return x


print(C.y, C.items, C().method())


def func_with_class():
    v = "enclosing"

    class Inner:
        w = v

        def get(self):
            return v
    return Inner.w, Inner().get()


print(func_with_class())

print("-- locals / free variables")


def lv(a, b=2):
    c = a + b
    return sorted(locals().items())


print(lv(1))


def outer2():
    free = "f"

    def inner():
        return free
    return inner.__code__.co_freevars, outer2.__code__.co_varnames
print(outer2())
print(sorted(k for k in globals() if not k.startswith("__"))[:8])
