# warnings: default output (file:line: Category: message and the source
# line) once per location, filters, errors, catch_warnings(record=True).
import sys
import warnings


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)


def careful(n):
    warnings.warn(f"careful {n}")


for i in range(3):
    careful(1)
careful(2)
old_api()
warnings.warn("user warning here")
warnings.warn(RuntimeWarning("an instance"))
warnings.warn("future", FutureWarning)
warnings.warn("pending", PendingDeprecationWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    careful(3)
    careful(3)
    warnings.warn("bytes", BytesWarning)
print(len(caught), [str(w.message) for w in caught], [w.category.__name__ for w in caught], caught[0].lineno)
with warnings.catch_warnings():
    warnings.simplefilter("error", UserWarning)
    try:
        careful(4)
    except UserWarning as e:
        print("raised", e, type(e).__name__)
    warnings.warn("not an error", RuntimeWarning)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    careful(5)
with warnings.catch_warnings(record=True) as log:
    warnings.filterwarnings("ignore", message="skip")
    warnings.filterwarnings("always", category=UserWarning)
    warnings.warn("skip me")
    warnings.warn("keep me")
print([str(w.message) for w in log])
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("once")
    for n in range(3):
        warnings.warn("once only")
print(len(log))
try:
    warnings.warn("x", category=int)
except TypeError as e:
    print("TypeError", e)
try:
    warnings.simplefilter("sometimes")
except AssertionError as e:
    print("AssertionError", e)
print(warnings.formatwarning("msg", UserWarning, "file.py", 10), end="")
print(warnings.formatwarning("msg", UserWarning, "file.py", 10, line="  code()  "), end="")
warnings.showwarning("shown", UserWarning, "somewhere.py", 3, file=sys.stdout)
old_show = warnings.showwarning
warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: print("custom:", message, category.__name__)
warnings.warn("via custom")
warnings.showwarning = old_show
print(issubclass(DeprecationWarning, Warning), issubclass(UserWarning, Warning), issubclass(Warning, Exception))
careful(1)
print("end")
