def f(
    a,  # comment
    b=2,
):
    return a
