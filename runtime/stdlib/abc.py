"""Abstract base classes: ABCMeta, ABC, abstractmethod and friends.

isinstance/issubclass consult, in order: real inheritance, classes added with
register(), and the class's __subclasshook__ (duck typing, as
collections.abc uses). Instantiating a class that still has abstract methods
raises CPython's TypeError; minidynamo checks it in a __new__ that ABCMeta
installs, since the check cannot live in object.__new__ here.
"""

import _vmabc


def abstractmethod(funcobj):
    """Marks a method abstract: classes made by ABCMeta cannot be
    instantiated until every abstract method is overridden."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def _is_abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    # classmethod/staticmethod/property wrapping an abstract function.
    for attr in ('__func__', 'fget', 'fset', 'fdel'):
        inner = getattr(value, attr, None)
        if inner is not None and getattr(inner, '__isabstractmethod__', False):
            return True
    return False


def _compute_abstracts(cls):
    abstracts = set()
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


def _make_checked_new(owner):
    # The __new__ installed on classes made by ABCMeta: refuse abstract
    # classes, then defer to the next __new__ along the MRO.
    def __new__(cls, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            s = 's' if len(names) > 1 else ''
            raise TypeError(
                f"Can't instantiate abstract class {cls.__name__} with "
                f"abstract method{s} {', '.join(names)}")
        mro = cls.__mro__
        for base in mro[mro.index(owner) + 1:]:
            if '__new__' in base.__dict__ and base is not object:
                return base.__new__(cls, *args, **kwargs)
        if (args or kwargs) and cls.__init__ is object.__init__ and \
                all(b is object or b.__module__ != 'builtins' for b in mro):
            # Only a plain object refuses arguments (as type.__call__ would).
            raise TypeError(f'{cls.__name__}() takes no arguments')
        # object.__new__ builds the instance of the solid base (an int for
        # class N(int, ABC)) from the arguments.
        return object.__new__(cls, *args, **kwargs)
    __new__.__qualname__ = owner.__qualname__ + '.__new__'
    return staticmethod(__new__)


class ABCMeta(type):
    """Metaclass for abstract base classes."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls)
        cls._abc_registry = []
        cls._abc_cache = {}
        for base in bases:
            if isinstance(base, ABCMeta):
                _abc_subclasses.setdefault(base, []).append(cls)
        _invalidate_caches()
        if '__new__' not in namespace:
            # Only the first ABC along a chain needs the check; subclasses
            # inherit it (and _make_checked_new skips past it).
            has_check = any(getattr(b, '_abc_checks_new', False) for b in bases)
            if not has_check:
                cls.__new__ = _make_checked_new(cls)
                cls._abc_checks_new = True
        return cls

    def register(cls, subclass):
        """Registers a virtual subclass; returns it (usable as a
        decorator)."""
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if issubclass(subclass, cls):
            return subclass
        cls._abc_registry.append(subclass)
        _invalidate_caches()
        # A class registered as a Sequence or Mapping matches sequence or
        # mapping patterns (CPython's _abc_register).
        flags = _vmabc._get_collection_flags(cls)
        if flags:
            _vmabc._set_collection_flag(subclass, flags)
        return subclass

    def __instancecheck__(cls, instance):
        subclass = type(instance)
        if type.__subclasscheck__(cls, subclass):
            return True
        return cls.__subclasscheck__(subclass)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        cache = cls._abc_cache
        if _cache_version[0] != cache.get(None):
            cache.clear()
            cache[None] = _cache_version[0]
        try:
            return cache[subclass]
        except (KeyError, TypeError):
            pass
        result = cls._subclass_check(subclass)
        try:
            cache[subclass] = result
        except TypeError:
            pass
        return result

    def _subclass_check(cls, subclass):
        if cls in getattr(subclass, '__mro__', ()):
            return True
        hook = getattr(cls, '__subclasshook__', None)
        if hook is not None:
            answer = hook(subclass)
            if answer is not NotImplemented:
                return bool(answer)
        for registered in cls._abc_registry:
            if registered is subclass or type.__subclasscheck__(registered, subclass):
                return True
            if isinstance(registered, ABCMeta) and registered.__subclasscheck__(subclass):
                return True
        # A virtual subclass of one of our subclasses is ours too.
        for sub in _abc_subclasses.get(cls, ()):
            if sub.__subclasscheck__(subclass):
                return True
        return False

    def _dump_registry(cls, file=None):
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)

    def _abc_registry_clear(cls):
        cls._abc_registry.clear()
        _invalidate_caches()

    def _abc_caches_clear(cls):
        cls._abc_cache.clear()


# Registering anywhere can change any answer: one global version number
# invalidates every class's cache.
_cache_version = [0]
# Each ABC's direct ABC subclasses (type.__subclasses__ is not available).
_abc_subclasses = {}


def _invalidate_caches():
    _cache_version[0] += 1


def get_cache_token():
    return _cache_version[0]


class ABC(metaclass=ABCMeta):
    """Helper base class: `class C(ABC)` instead of a metaclass argument."""
    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented


def update_abstractmethods(cls):
    """Recomputes an ABC's abstract methods after it was changed."""
    if hasattr(cls, '__abstractmethods__'):
        cls.__abstractmethods__ = _compute_abstracts(cls)
    return cls
