# time: clock types and ordering, calendar conversions (UTC), strftime,
# strptime, sleep's errors.
import time

t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
c0 = time.process_time()
total = sum(range(10000))
print(total, time.time() >= t0, time.perf_counter() >= p0, time.monotonic() >= m0, time.process_time() >= c0)
print(type(time.time()).__name__, type(time.perf_counter()).__name__, type(time.time_ns()).__name__)
print(type(time.perf_counter_ns()).__name__, time.perf_counter_ns() > 0, type(time.monotonic_ns()).__name__)
print(abs(time.time_ns() / 1e9 - time.time()) < 5, time.time() > 1.6e9)
time.sleep(0.001)
time.sleep(0)
for bad in (-1, "x"):
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

g = time.gmtime(0)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_wday, g.tm_yday, g.tm_isdst, tuple(g)[:6], len(g))
g2 = time.gmtime(1700000000)
print(tuple(g2), g2[0], g2[-1], isinstance(g2, tuple), type(g2).__name__)
print(time.strftime("%Y-%m-%d %H:%M:%S", g2), time.strftime("%a %b %d %j", g2), time.strftime("%A %B %y %I%p %%", g2))
print(time.asctime(g2), time.asctime(time.gmtime(1e9)), time.gmtime(1.9)[5], time.gmtime(-1.5)[:6])
print(time.gmtime(951782400)[:8], time.gmtime(4102444800)[:3])
print(time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 1, -1)), time.strftime(""))
st = time.struct_time((2021, 3, 4, 5, 6, 7, 3, 63, 0))
print(st, st.tm_mday)
print(time.strptime("2024-02-29", "%Y-%m-%d")[:3], time.strptime("2024-02-29", "%Y-%m-%d")[6:])
print(tuple(time.strptime("Tue Nov 14 22:13:20 2023")))
print(tuple(time.strptime("07/04/99 11:30 PM", "%m/%d/%y %I:%M %p")))
print(tuple(time.strptime("1 March 2000", "%d %B %Y")), tuple(time.strptime("2023 100", "%Y %j")))
for s, f in (("2024-13-01", "%Y-%m-%d"), ("2023-02-29", "%Y-%m-%d"), ("2024-01-01x", "%Y-%m-%d")):
    try:
        time.strptime(s, f)
    except ValueError as e:
        print("ValueError", e)
lt = time.localtime(1700000000)
print(time.mktime(lt) == 1700000000.0, type(time.mktime(lt)).__name__, len(time.localtime()))
print(type(time.ctime()).__name__, len(time.asctime()) == 24)
