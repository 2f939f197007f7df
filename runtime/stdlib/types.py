"""Names for the VM's built-in types (types.FunctionType, ...) and a few
helpers: SimpleNamespace, new_class, MappingProxyType (a read-only view)."""

import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)
SimpleNamespace = None  # defined below
CellType = None


def _cell_factory():
    a = 1

    def f():
        nonlocal a
    return f.__closure__[0] if f.__closure__ else None


_cell = _cell_factory()
CellType = type(_cell) if _cell is not None else None


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_c_obj = _c()
CoroutineType = type(_c_obj)
try:
    _c_obj.close()
except Exception:
    pass
del _c_obj


async def _ag():
    yield


try:
    AsyncGeneratorType = type(_ag())
except Exception:
    AsyncGeneratorType = None


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys']) if 'fromkeys' in dict.__dict__ else None
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)

try:
    raise TypeError
except TypeError as _exc:
    TracebackType = type(_exc.__traceback__)
    FrameType = type(_exc.__traceback__.tb_frame) if hasattr(_exc.__traceback__, 'tb_frame') else None
    del _exc

GetSetDescriptorType = type(FunctionType.__code__) if False else None
MemberDescriptorType = None

try:
    GenericAlias = type(list[int])
except Exception:
    GenericAlias = None
try:
    UnionType = type(int | str)
except Exception:
    UnionType = None

del sys, _f, _g, _C, _c, _ag, _cell, _cell_factory


class SimpleNamespace:
    """An object whose attributes are set from keyword arguments, with a
    readable repr and equality by attributes."""

    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = (f'{k}={v!r}' for k, v in self.__dict__.items())
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        return f"{name}({', '.join(items)})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Creates a class as the class statement would."""
    kwds = dict(kwds) if kwds else {}
    meta = kwds.pop('metaclass', None)
    if meta is None:
        meta = type(bases[0]) if bases else type
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    return meta(name, tuple(bases), ns, **kwds)


def resolve_bases(bases):
    return tuple(bases)


def prepare_class(name, bases=(), kwds=None):
    kwds = dict(kwds) if kwds else {}
    meta = kwds.pop('metaclass', None)
    if meta is None:
        meta = type(bases[0]) if bases else type
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def coroutine(func):
    return func


class DynamicClassAttribute(property):
    """A property on instances that lets the class's __getattr__ answer
    for the class itself (used by enum)."""

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if getattr(self, '__isabstractmethod__', False):
                return self
            raise AttributeError()
        return super().__get__(instance, ownerclass)
