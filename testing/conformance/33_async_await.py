# async def / await driven by hand with send(), without asyncio: awaitables,
# a round-robin scheduler, async with, async for, async generators.


class Suspend:
    """Awaitable that yields a value to the driver and returns what it sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        reply = yield self.label
        return reply


class pause:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield ("pause", self.tag)
        return got


async def add_later(a, b):
    x = await Suspend(f"need {a}")
    y = await Suspend(f"need {b}")
    return x + y


async def compute():
    total = await add_later("a", "b")
    extra = await pause("extra")
    return total * extra


print("-- driving a coroutine by hand")
coro = compute()
print(type(coro).__name__, coro.__name__, coro.__qualname__)
print(coro.send(None))
print(coro.send(3))
print(coro.send(4))
try:
    coro.send(10)
except StopIteration as stop:
    print("result:", stop.value)

print("-- exceptions into coroutines")


async def careful():
    try:
        await Suspend("waiting")
    except ValueError as e:
        return f"recovered from {e}"
    finally:
        print("  careful finally")


c = careful()
print(c.send(None))
try:
    c.throw(ValueError("bad input"))
except StopIteration as stop:
    print(stop.value)
c2 = careful()
c2.send(None)
c2.close()
print("closed", c2.cr_frame)


async def failing():
    await Suspend("x")
    raise KeyError("inside coroutine")


f = failing()
f.send(None)
try:
    f.send(None)
except KeyError as e:
    print("KeyError", e)

print("-- round-robin scheduler")


class Scheduler:
    def __init__(self):
        self.ready = []
        self.log = []
        self.results = {}

    def spawn(self, name, coro):
        self.ready.append((name, coro, None))

    def run(self):
        while self.ready:
            name, coro, value = self.ready.pop(0)
            try:
                request = coro.send(value)
            except StopIteration as stop:
                self.results[name] = stop.value
                self.log.append(f"{name} done")
                continue
            self.log.append(f"{name} -> {request}")
            self.ready.append((name, coro, len(self.log)))


async def worker(name, steps):
    acc = []
    for i in range(steps):
        tick = await Suspend(f"step {i}")
        acc.append(tick)
    return f"{name}:{acc}"


sched = Scheduler()
sched.spawn("A", worker("A", 3))
sched.spawn("B", worker("B", 1))
sched.spawn("C", worker("C", 2))
sched.run()
print("\n".join(sched.log))
print(sched.results)

print("-- async with and async for")


class AsyncResource:
    async def __aenter__(self):
        await Suspend("opening")
        print("  resource opened")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await Suspend("closing")
        print("  resource closed", exc_type.__name__ if exc_type else None)
        return True


class Ticker:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Suspend(f"tick {self.i}")
        return self.i * 10


async def agen(n):
    for i in range(n):
        await Suspend(f"agen {i}")
        yield i * i


async def main():
    out = []
    async with AsyncResource() as r:
        out.append(type(r).__name__)
        async for v in Ticker(3):
            out.append(v)
        raise RuntimeError("suppressed by __aexit__")
    async for sq in agen(4):
        out.append(sq)
    out.append([x async for x in agen(3)])
    return out


def run(coro):
    requests = []
    value = None
    while True:
        try:
            req = coro.send(value)
        except StopIteration as stop:
            return requests, stop.value
        requests.append(req)
        value = None


reqs, result = run(main())
print(reqs)
print(result)

print("-- async generator driven manually")
ag = agen(2)
print(type(ag).__name__, ag.__name__)
step = ag.__anext__()
print(step.send(None))
try:
    step.send(None)
except StopIteration as stop:
    print("first value:", stop.value)
step = ag.asend(None)
print(step.send(None))
try:
    step.send(None)
except StopIteration as stop:
    print("second value:", stop.value)
step = ag.__anext__()
try:
    step.send(None)
    step.send(None)
except StopAsyncIteration:
    print("StopAsyncIteration")


async def no_await():
    return "immediate"


try:
    no_await().send(None)
except StopIteration as stop:
    print(stop.value)
co = no_await()
print(repr(co)[:26])
co.close()
