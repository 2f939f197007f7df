"""Shallow and deep copies: copy.copy(x) and copy.deepcopy(x[, memo]).

Classes may define __copy__() and __deepcopy__(memo). Other instances are
rebuilt without calling __init__: cls.__new__(cls) (with __getnewargs__()
when defined), then their __dict__ and __slots__ values (copied or deep
copied), then their list or dict items for subclasses of list and dict. A
class that defines __reduce_ex__ or __reduce__ is rebuilt from that instead.
"""

import types as _types

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

# Types whose instances are never copied: they are immutable (or, like
# functions and classes, treated as atoms).
_atomic = {type(None), type(Ellipsis), type(NotImplemented), int, float,
           bool, str, bytes, type, range, _types.BuiltinFunctionType,
           _types.FunctionType, property, _types.CodeType}
for _name in ('complex', 'slice'):
    try:
        _atomic.add(eval(_name))
    except NameError:
        pass


def _object_reduce():
    return getattr(object, '__reduce_ex__', None), getattr(object, '__reduce__', None)


def _user_reduce(cls):
    """The class's own __reduce_ex__/__reduce__, if it defines one."""
    base_ex, base = _object_reduce()
    reductor = getattr(cls, '__reduce_ex__', None)
    if reductor is not None and reductor is not base_ex:
        return lambda x: reductor(x, 4)
    reductor = getattr(cls, '__reduce__', None)
    if reductor is not None and reductor is not base:
        return reductor
    return None


def _slot_names(cls):
    names = []
    for klass in getattr(cls, '__mro__', (cls,)):
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = f'_{klass.__name__.lstrip("_")}{name}'
            names.append(name)
    return names


def _new_instance(x, cls, copier):
    getnewargs = getattr(cls, '__getnewargs__', None)
    if getnewargs is not None:
        return cls.__new__(cls, *copier(getnewargs(x)))
    return cls.__new__(cls)


def _fill(y, x, copier):
    state = getattr(x, '__dict__', None)
    if state:
        y.__dict__.update(copier(state))
    for name in _slot_names(type(x)):
        try:
            value = getattr(x, name)
        except AttributeError:
            continue
        setattr(y, name, copier(value))
    if isinstance(x, list):
        y.extend(copier(item) for item in x)
    elif isinstance(x, dict):
        for key, value in x.items():
            y[copier(key)] = copier(value)
    elif isinstance(x, (set, frozenset)) and isinstance(y, set):
        y.update(copier(item) for item in x)
    return y


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in _atomic or issubclass(cls, type):
        return x
    if cls is list:
        return x[:]
    if cls is dict or cls is set:
        return x.copy()
    if cls is tuple or cls is frozenset:
        return x
    if cls.__name__ == 'bytearray' and cls.__module__ == 'builtins':
        return cls(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    reductor = _user_reduce(cls)
    if reductor is not None:
        return _reconstruct(x, None, *reductor(x))
    y = _new_instance(x, cls, lambda v: v)
    if isinstance(x, (tuple, frozenset)):
        state = getattr(x, '__dict__', None)
        if state:
            y.__dict__.update(state)
        return y
    return _fill(y, x, lambda v: v)


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps id(original) to its copy (and keeps the
    originals alive), so shared and cyclic structure is preserved."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # A tuple that contains itself (through a list) was copied while
        # copying its items.
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, items):
            if k is not j:
                y = tuple(items)
                break
        else:
            y = x
    elif cls is set or cls is frozenset:
        y = cls(deepcopy(a, memo) for a in x)
    elif cls.__name__ == 'bytearray' and cls.__module__ == 'builtins':
        y = cls(x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            reductor = _user_reduce(cls)
            if reductor is not None:
                y = _reconstruct(x, memo, *reductor(x))
            else:
                def deep(v):
                    return deepcopy(v, memo)
                y = _new_instance(x, cls, deep)
                memo[d] = y
                if isinstance(x, (tuple, frozenset)):
                    state = getattr(x, '__dict__', None)
                    if state:
                        y.__dict__.update(deep(state))
                else:
                    _fill(y, x, deep)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # The memo holds the originals too, so their ids stay unique while it
    # is in use.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None,
                 dictiter=None, *ignored):
    deep = memo is not None
    if deep and args:
        args = tuple(deepcopy(arg, memo) for arg in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
