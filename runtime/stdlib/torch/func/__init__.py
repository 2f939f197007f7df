"""torch.func.functional_call: run a module with some parameters and
buffers replaced by the given tensors, restoring the module afterwards (also
when the call raises)."""

import torch

_MISSING = object()


def _swap(module, dotted, value):
    *path, leaf = dotted.split(".")
    owner = module
    for part in path:
        owner = getattr(owner, part)
    for store in ("_parameters", "_buffers"):
        slots = owner.__dict__.get(store)
        if slots is not None and leaf in slots:
            old = slots[leaf]
            slots[leaf] = value
            return owner, store, leaf, old
    old = owner.__dict__.get(leaf, _MISSING)
    object.__setattr__(owner, leaf, value)
    return owner, None, leaf, old


def _restore(owner, store, leaf, old):
    if store is not None:
        owner.__dict__[store][leaf] = old
    elif old is _MISSING:
        object.__delattr__(owner, leaf)
    else:
        object.__setattr__(owner, leaf, old)


def functional_call(module, parameter_and_buffer_dicts, args=None,
                    kwargs=None, *, tie_weights=True, strict=False):
    if isinstance(parameter_and_buffer_dicts, dict):
        tensors = dict(parameter_and_buffer_dicts)
    else:
        tensors = {}
        for d in parameter_and_buffer_dicts:
            for k, v in d.items():
                if k in tensors:
                    raise ValueError(
                        f"{k} appeared in multiple dictionaries; behavior of "
                        "functional call is ambiguous")
                tensors[k] = v
    if kwargs is None:
        kwargs = {}
    if args is None:
        args = ()
    elif not isinstance(args, tuple):
        args = (args,)
    saved = []
    try:
        for name, value in tensors.items():
            saved.append(_swap(module, name, value))
        return module(*args, **kwargs)
    finally:
        for entry in reversed(saved):
            _restore(*entry)
