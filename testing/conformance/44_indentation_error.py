# An indentation error after a block opener: a single caret, CPython's message.
print("never printed")
for item in range(3):
print(item)
