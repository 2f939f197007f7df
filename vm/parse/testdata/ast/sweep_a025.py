def f(x: dict[str, list[int]]) -> tuple[int, ...]:
    pass
