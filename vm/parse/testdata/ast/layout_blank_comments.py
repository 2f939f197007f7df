# comment

x = 1  # trailing


    # indented comment
y = 2

if x:
    # comment in block

    pass
    # after
# dedent comment
z = 3
