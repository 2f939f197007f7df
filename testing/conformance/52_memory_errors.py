# Repetitions too large for the machine's memory raise MemoryError (never a
# crash), and the program goes on. (bytearray is left out: CPython 3.11 prints
# a spurious "SystemError: deallocated bytearray object has exported buffers"
# there; this VM raises MemoryError() for it as for the others.)
for make in (lambda: "a" * 10**13, lambda: b"ab" * 10**13,
             lambda: [0] * 10**12, lambda: (1, 2) * 10**12):
    try:
        make()
        print("allocated?!")
    except MemoryError as e:
        print("MemoryError", repr(e))
lst = [1, 2]
try:
    lst *= 10**12
except MemoryError:
    print("MemoryError in *=, list intact:", lst)
print("still running:", "ab" * 3)
