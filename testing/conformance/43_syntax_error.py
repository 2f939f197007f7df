# A syntax error: the VM reports it as CPython does (file, line, caret, message)
# and exits with status 1 before running anything.
print("never printed")
for item in range(3)
    print(item)
