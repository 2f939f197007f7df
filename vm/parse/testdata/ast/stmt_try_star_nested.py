def handle(excs):
    try:
        raise ExceptionGroup("batch", excs)
    except* (KeyError, mod.Error) as g:
        try:
            pass
        except* OSError:
            pass
        finally:
            log(g)
    except *errors()[0] as e2:
        pass
    finally:
        done = True
try:
    pass
except* E:
    x = 1
else:
    y = 2
