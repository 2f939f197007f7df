"""Bytecode hooks: called with (code, out_code) once per compilation (resume
functions included, never on cache hits); a returned code object replaces
out_code. Hooks run in registration order."""

import itertools

_hooks = {}
_ids = itertools.count()


class _RemovableHandle:
    def __init__(self, key):
        self.id = key

    def remove(self):
        _hooks.pop(self.id, None)
        _publish()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.remove()


def _publish():
    from torch._dynamo import eval_frame
    eval_frame._config["bytecode_hooks"][:] = list(_hooks.values())


def register_bytecode_hook(hook):
    key = next(_ids)
    _hooks[key] = hook
    _publish()
    return _RemovableHandle(key)
