match (
    a,
    b
):
    case [
        1,
        *rest
    ] if (
        rest
    ):
        pass
    case Point(
        x=0,
        y=0,
    ):
        match y:
            case z:
                pass
    case {
        "k": v,
        **kw
    }:
        pass
