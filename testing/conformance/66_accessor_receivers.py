# Accessors of builtin types (getset descriptors) check their receiver: used
# on an object of another type they raise CPython's TypeError (before, the VM
# read the object as one of the accessor's type and crashed).
def show(f):
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)


code_name = type(show.__code__).__dict__["co_name"]
show(lambda: code_name.__get__(show.__code__, None))
show(lambda: code_name.__get__(5, int))
fget = property.__dict__["fget"]
show(lambda: fget.__get__("text", str))
