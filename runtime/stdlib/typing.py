"""Type hints at runtime: the typing names, subscriptable and printable as
in CPython 3.11, with nothing enforced.

minidynamo's version, written in Python. Subscripting builds alias objects
(typing.List[int], typing.Optional[~T], typing.Callable[[int], str]) with
CPython's reprs, equality, get_origin/get_args and TypeVar substitution;
get_type_hints evaluates string annotations.

Subclassing: `class C(Generic[T])` and `class P(Protocol)` work. Where the VM
does not support __mro_entries__, Generic[T] / Protocol[T] return a class
(so they can be bases); other subscripted aliases (List[int]) then cannot be
used as bases.
"""

import collections
import collections.abc
import contextlib
import functools
import sys
import types
from abc import ABCMeta, abstractmethod

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final',
    'ForwardRef', 'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol',
    'Tuple', 'Type', 'TypeVar', 'TypeVarTuple', 'Union', 'AbstractSet',
    'ByteString', 'Container', 'ContextManager', 'Hashable', 'ItemsView',
    'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView',
    'MutableMapping', 'MutableSequence', 'MutableSet', 'Sequence', 'Sized',
    'ValuesView', 'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine',
    'Collection', 'AsyncGenerator', 'AsyncContextManager', 'Reversible',
    'SupportsAbs', 'SupportsBytes', 'SupportsComplex', 'SupportsFloat',
    'SupportsIndex', 'SupportsInt', 'SupportsRound', 'ChainMap', 'Counter',
    'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set',
    'FrozenSet', 'NamedTuple', 'TypedDict', 'Generator', 'AnyStr',
    'assert_never', 'assert_type', 'cast', 'final', 'get_args', 'get_origin',
    'get_overloads', 'get_type_hints', 'is_typeddict', 'LiteralString',
    'Never', 'NewType', 'no_type_check', 'no_type_check_decorator',
    'NoReturn', 'NotRequired', 'overload', 'ParamSpecArgs',
    'ParamSpecKwargs', 'Required', 'reveal_type', 'runtime_checkable',
    'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'Unpack',
    'clear_overloads', 'dataclass_transform',
]

TYPE_CHECKING = False

_GenericAliasType = types.GenericAlias
_UnionType = types.UnionType
_NoneType = type(None)


def _caller_module(depth=2, default='__main__'):
    # As collections._caller_module: the VM has no sys._getframe, but its
    # _vmframe module tells where the caller is.
    return collections._caller_module(depth + 1)


def _vm_supports_mro_entries():
    class Probe:
        def __mro_entries__(self, bases):
            return (object,)
    try:
        class _C(Probe()):
            pass
    except TypeError:
        return False
    return True


_HAVE_MRO_ENTRIES = _vm_supports_mro_entries()


################################################################################
# Reprs and argument checks
################################################################################

def _type_repr(obj):
    """How an argument appears inside an alias's repr: builtins by name,
    other classes as module.qualname, ... as '...', the rest by repr()."""
    if isinstance(obj, _GenericAliasType):
        return repr(obj)
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    return repr(obj)


def _type_convert(arg, module=None, *, allow_special_forms=False):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg, module=module, is_class=allow_special_forms)
    return arg


def _type_check(arg, msg, is_argument=True, module=None, *,
                allow_special_forms=False):
    invalid_generic_forms = (Generic, Protocol)
    if not allow_special_forms:
        invalid_generic_forms += (ClassVar,)
        if is_argument:
            invalid_generic_forms += (Final,)
    arg = _type_convert(arg, module=module, allow_special_forms=allow_special_forms)
    if isinstance(arg, _GenericAlias) and arg.__origin__ in invalid_generic_forms:
        raise TypeError(f'{arg} is not valid as type argument')
    if arg in (Any, LiteralString, NoReturn, Never, Self, TypeAlias):
        return arg
    if allow_special_forms and arg in (ClassVar, Final):
        return arg
    if isinstance(arg, _SpecialForm) or arg in (Generic, Protocol):
        raise TypeError(f'Plain {arg} is not valid as type argument')
    if type(arg) is tuple:
        raise TypeError(f'{msg} Got {arg!r:.100}.')
    return arg


def _is_typevar_like(x):
    return isinstance(x, (TypeVar, ParamSpec, TypeVarTuple))


def _collect_parameters(args):
    """The type variables in args, in first-appearance order."""
    parameters = []
    for t in args:
        if isinstance(t, type):
            continue
        if _is_typevar_like(t):
            if t not in parameters:
                parameters.append(t)
        elif isinstance(t, (list, tuple)):
            for x in _collect_parameters(t):
                if x not in parameters:
                    parameters.append(x)
        else:
            for x in getattr(t, '__parameters__', ()):
                if _is_typevar_like(x) and x not in parameters:
                    parameters.append(x)
    return tuple(parameters)


def _check_arg_count(alias, params, expected):
    if len(params) != expected:
        many = 'many' if len(params) > expected else 'few'
        raise TypeError(f'Too {many} arguments for {alias}; actual {len(params)}, '
                        f'expected {expected}')


def _substitute(arg, subst):
    if _is_typevar_like(arg):
        return subst.get(arg, arg)
    if isinstance(arg, (_BaseGenericAlias, _GenericAliasType)):
        params = getattr(arg, '__parameters__', ())
        if params:
            return arg[tuple(subst.get(p, p) for p in params)]
    if isinstance(arg, list):
        return [_substitute(a, subst) for a in arg]
    return arg


################################################################################
# Special forms: Any, ClassVar, Final, Union, Optional, Literal, ...
################################################################################

class _SpecialForm:
    """A typing name that is not a class (typing.Union, typing.Final):
    printable, subscriptable through `getitem`, not instantiable."""

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in {'__name__', '__qualname__'}:
            return self._name
        raise AttributeError(item)

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f'{self} cannot be used with isinstance()')

    def __subclasscheck__(self, cls):
        raise TypeError(f'{self} cannot be used with issubclass()')

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _LiteralSpecialForm(_SpecialForm):
    def __getitem__(self, parameters):
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        return self._getitem(self, *parameters)


class _AnyForm(_SpecialForm):
    def __call__(self, *args, **kwds):
        raise TypeError('Any cannot be instantiated')


@_AnyForm
def Any(self, parameters):
    """Special type compatible with every type."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def NoReturn(self, parameters):
    """The return type of functions that never return."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def Never(self, parameters):
    """The bottom type."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def Self(self, parameters):
    """The type of the enclosing class's instances."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def LiteralString(self, parameters):
    """Any literal string."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def TypeAlias(self, parameters):
    """Marks an explicit type alias."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def ClassVar(self, parameters):
    """ClassVar[T]: a class variable, not an instance attribute."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Final(self, parameters):
    """Final[T]: a name that cannot be reassigned."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Union(self, parameters):
    """Union[X, Y]: X or Y. Nested unions flatten, duplicates go, a single
    type is itself, and Union[X, None] prints as Optional[X]."""
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    msg = 'Union[arg, ...]: each arg must be a type.'
    parameters = tuple(_type_check(p, msg) for p in parameters)
    parameters = _remove_dups_flatten(parameters)
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and _NoneType in parameters:
        return _UnionGenericAlias(self, parameters, name='Optional')
    return _UnionGenericAlias(self, parameters)


@_SpecialForm
def Optional(self, parameters):
    """Optional[X] is Union[X, None]."""
    arg = _type_check(parameters, f'{self} requires a single type.')
    return Union[arg, type(None)]


@_LiteralSpecialForm
def Literal(self, *parameters):
    """Literal[v1, v2]: exactly these values."""
    parameters = _flatten_literal_params(parameters)
    try:
        parameters = tuple(p for p, _ in _deduplicate(list(_value_and_type_iter(parameters))))
    except TypeError:  # unhashable parameters
        pass
    return _LiteralGenericAlias(self, parameters)


@_SpecialForm
def Concatenate(self, parameters):
    """Concatenate[X, P]: a ParamSpec with leading arguments."""
    if parameters == ():
        raise TypeError('Cannot take a Concatenate of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not isinstance(parameters[-1], ParamSpec):
        raise TypeError('The last parameter to Concatenate should be a '
                        'ParamSpec variable.')
    msg = 'Concatenate[arg, ...]: each arg must be a type.'
    parameters = (*(_type_check(p, msg) for p in parameters[:-1]), parameters[-1])
    return _ConcatenateGenericAlias(self, parameters)


@_SpecialForm
def TypeGuard(self, parameters):
    """TypeGuard[T]: the return type of a type-narrowing function."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Required(self, parameters):
    """Required[T]: a TypedDict key that must be present."""
    item = _type_check(parameters, f'{self._name} accepts only a single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def NotRequired(self, parameters):
    """NotRequired[T]: a TypedDict key that may be absent."""
    item = _type_check(parameters, f'{self._name} accepts only a single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Unpack(self, parameters):
    """Unpack[Ts]: a TypeVarTuple unpacked."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


def _flatten_literal_params(parameters):
    params = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            params.extend(p.__args__)
        else:
            params.append(p)
    return tuple(params)


def _value_and_type_iter(parameters):
    return ((p, type(p)) for p in parameters)


def _deduplicate(params):
    if len(params) < 2:
        return params
    new_params = []
    for t in params:
        if t not in new_params:
            new_params.append(t)
    return new_params


def _remove_dups_flatten(parameters):
    params = []
    for p in parameters:
        if isinstance(p, (_UnionGenericAlias, _UnionType)):
            params.extend(p.__args__)
        else:
            params.append(p)
    return tuple(_deduplicate(params))


################################################################################
# Type variables and forward references
################################################################################

class _TypeVarLike:
    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __reduce__(self):
        return self.__name__


class TypeVar(_TypeVarLike):
    """TypeVar('T', *constraints, bound=None, covariant=False,
    contravariant=False): a type variable; prints as ~T (+T, -T)."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if constraints and len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        msg = 'TypeVar(name, constraint, ...): constraints must be types.'
        self.__constraints__ = tuple(_type_check(t, msg) for t in constraints)
        self.__bound__ = _type_check(bound, 'Bound must be a type.') if bound is not None else None
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __typing_subst__(self, arg):
        return _type_check(arg, 'Parameters to generic types must be types.')


class TypeVarTuple(_TypeVarLike):
    """TypeVarTuple('Ts'): a variadic type variable."""

    def __init__(self, name):
        self.__name__ = name
        self.__module__ = _caller_module()

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__


class ParamSpecArgs:
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f'{self.__origin__.__name__}.args'

    def __eq__(self, other):
        if not isinstance(other, ParamSpecArgs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecArgs, self.__origin__.__name__))


class ParamSpecKwargs:
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f'{self.__origin__.__name__}.kwargs'

    def __eq__(self, other):
        if not isinstance(other, ParamSpecKwargs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecKwargs, self.__origin__.__name__))


class ParamSpec(_TypeVarLike):
    """ParamSpec('P'): the parameters of a callable, as a variable."""

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__bound__ = _type_check(bound, 'Bound must be a type.') if bound is not None else None
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__


class ForwardRef:
    """A string annotation, evaluated later by get_type_hints()."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f'Forward reference must be a string -- got {arg!r}')
        try:
            code = compile(arg, '<string>', 'eval')
        except SyntaxError:
            raise SyntaxError(f'Forward reference must be an expression -- got {arg!r}')
        self.__forward_arg__ = arg
        self.__forward_code__ = code
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard=frozenset()):
        if self.__forward_arg__ in recursive_guard:
            return self
        if not self.__forward_evaluated__ or localns is not globalns:
            if globalns is None and localns is None:
                globalns = localns = {}
            elif globalns is None:
                globalns = localns
            elif localns is None:
                localns = globalns
            if self.__forward_module__ is not None:
                globalns = getattr(sys.modules.get(self.__forward_module__, None),
                                   '__dict__', globalns)
            value = eval(self.__forward_code__, globalns, localns)
            type_ = _type_check(value, 'Forward references must evaluate to types.',
                                is_argument=self.__forward_is_argument__,
                                allow_special_forms=self.__forward_is_class__)
            self.__forward_value__ = _eval_type(type_, globalns, localns,
                                                recursive_guard | {self.__forward_arg__})
            self.__forward_evaluated__ = True
        return self.__forward_value__

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__ == other.__forward_arg__ and
                self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        if self.__forward_module__ is None:
            module_repr = ''
        else:
            module_repr = f', module={self.__forward_module__!r}'
        return f'ForwardRef({self.__forward_arg__!r}{module_repr})'


################################################################################
# Generic aliases
################################################################################

def _is_dunder(attr):
    return attr.startswith('__') and attr.endswith('__')


class _BaseGenericAlias:
    """What subscripting produces: an origin (list, a user class, a special
    form) and, in subclasses, arguments. Calling it makes an origin
    instance; other attributes come from the origin."""

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {self.__origin__.__name__}() instead')
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in {'__origin__', '__args__', '_name', '_inst'}:
            raise AttributeError(attr)
        if attr in {'__name__', '__qualname__'}:
            return self._name or self.__origin__.__name__
        if '__origin__' in self.__dict__ and not _is_dunder(attr):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with'
                        ' class and instance checks')

    def __dir__(self):
        return list(set(dir(self.__origin__) + [attr for attr in dir(type(self))
                                                 if not _is_dunder(attr)]))


class _GenericAlias(_BaseGenericAlias):
    """origin[args]: typing.List[int], typing.ClassVar[int], Stack[int]."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = args
        self.__parameters__ = _collect_parameters(args)
        if not name:
            self.__module__ = origin.__module__

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError(f'Cannot subscript already-subscripted {self}')
        if not self.__parameters__:
            raise TypeError(f'{self} is not a generic class')
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(p) for p in args)
        _check_arg_count(self, args, len(self.__parameters__))
        subst = dict(zip(self.__parameters__, args))
        new_args = tuple(_substitute(arg, subst) for arg in self.__args__)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ', '.join([_type_repr(a) for a in self.__args__])
        else:
            args = '()'  # Tuple[()]
        return f'{name}[{args}]'

    def __reduce__(self):
        return operator_getitem, (self.__origin__, self.__args__)

    def __iter__(self):
        yield Unpack[self]


def operator_getitem(a, b):
    return a[b]


class _SpecialGenericAlias(_BaseGenericAlias):
    """An unsubscripted alias of a builtin or collections class:
    typing.List, typing.Dict. Subscripting checks the argument count."""

    def __init__(self, origin, nparams, *, inst=True, name=None):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        self.__doc__ = f'A generic version of {origin.__module__}.{origin.__qualname__}'

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = 'Parameters to generic types must be types.'
        params = tuple(_type_check(p, msg) for p in params)
        _check_arg_count(self, params, self._nparams)
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            origin = self.__origin__
            if isinstance(origin, ABCMeta):
                return origin.__subclasscheck__(cls)
            return issubclass(cls, origin)
        return super().__subclasscheck__(cls)

    def __reduce__(self):
        return self._name

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _CallableGenericAlias(_GenericAlias):
    """Callable[[args], result]: __args__ is flat (args..., result); an
    Ellipsis first means any arguments."""

    def __repr__(self):
        assert self._name == 'Callable'
        args = self.__args__
        if len(args) == 2 and (args[0] is Ellipsis or isinstance(args[0], (ParamSpec, _ConcatenateGenericAlias))):
            return super().__repr__()
        return (f'typing.Callable'
                f"[[{', '.join([_type_repr(a) for a in args[:-1]])}], "
                f'{_type_repr(args[-1])}]')

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name,
                                     inst=self._inst)

    def __getitem__(self, args):
        result = super().__getitem__(args)
        # Substituting a list for a ParamSpec flattens it into the arguments.
        flat = []
        for a in result.__args__[:-1]:
            if isinstance(a, (list, tuple)):
                flat.extend(a)
            else:
                flat.append(a)
        return self.copy_with(tuple(flat) + (result.__args__[-1],))


class _CallableType(_SpecialGenericAlias):
    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name,
                                     inst=self._inst)

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as '
                            'Callable[[arg, ...], result].')
        args, result = params
        if isinstance(args, list):
            params = (tuple(args), result)
        else:
            params = (args, result)
        return self.__getitem_inner__(params)

    def __getitem_inner__(self, params):
        args, result = params
        msg = 'Callable[args, result]: result must be a type.'
        result = _type_check(result, msg)
        if args is Ellipsis:
            return self.copy_with((Ellipsis, result))
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(arg) for arg in args)
        return self.copy_with(args + (result,))


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = 'Tuple[t, ...]: t must be a type.'
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return self.copy_with((*params, ...))
        msg = 'Tuple[t0, t1, ...]: each t must be a type.'
        params = tuple(_type_check(p, msg) for p in params)
        return self.copy_with(params)


class _UnionGenericAlias(_GenericAlias):
    """Union[X, Y]: equality ignores the order of the arguments."""

    def __init__(self, origin, args, *, name='Union'):
        super().__init__(origin, args, name=name)

    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, _UnionType)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return f'typing.Optional[{_type_repr(args[1])}]'
            if args[1] is _NoneType:
                return f'typing.Optional[{_type_repr(args[0])}]'
        return 'typing.Union[' + ', '.join(_type_repr(a) for a in args) + ']'

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if isinstance(arg, type) and issubclass(cls, arg):
                return True
        return False


class _LiteralGenericAlias(_GenericAlias):
    def __init__(self, origin, args):
        super().__init__(origin, args, name='Literal')

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set(_value_and_type_iter(self.__args__)) == set(_value_and_type_iter(other.__args__))

    def __hash__(self):
        return hash(frozenset(_value_and_type_iter(self.__args__)))

    def copy_with(self, params):
        return _LiteralGenericAlias(self.__origin__, params)


class _ConcatenateGenericAlias(_GenericAlias):
    def __init__(self, origin, args):
        super().__init__(origin, args, name='Concatenate')

    def copy_with(self, params):
        if isinstance(params[-1], (list, tuple)):
            return (*params[:-1], *params[-1])
        return super().copy_with(params)


class _AnnotatedAlias(_GenericAlias):
    """Annotated[T, x, ...]: T with metadata; prints both."""

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, origin)
        self.__metadata__ = metadata

    def copy_with(self, params):
        assert len(params) == 1
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        return 'typing.Annotated[{}, {}]'.format(
            _type_repr(self.__origin__),
            ', '.join(repr(a) for a in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __getattr__(self, attr):
        if attr in {'__name__', '__qualname__'}:
            return 'Annotated'
        return super().__getattr__(attr)


class Annotated:
    """Annotated[T, metadata...]: a type with context-specific metadata."""

    def __new__(cls, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError('Annotated[...] should be used with at least two '
                            'arguments (a type and an annotation).')
        msg = 'Annotated[t, ...]: t must be a type.'
        origin = _type_check(params[0], msg, allow_special_forms=True)
        metadata = tuple(params[1:])
        return _AnnotatedAlias(origin, metadata)


def _alias(origin, nparams, *, inst=True, name=None):
    return _SpecialGenericAlias(origin, nparams, inst=inst, name=name)


################################################################################
# Generic and Protocol
################################################################################

# Without __mro_entries__, Generic[T] must itself be a class: these are
# subclasses of Generic (or Protocol) made once per parameter tuple.
_generic_bases = {}


def _generic_base(cls, params):
    key = (cls, params)
    base = _generic_bases.get(key)
    if base is None:
        base = type(cls)(cls.__name__, (cls,), {
            '__module__': 'typing', '__qualname__': cls.__qualname__,
            '_generic_params': params, '__slots__': (),
        })
        _generic_bases[key] = base
    return base


class Generic:
    """The base of user-defined generic classes: class Stack(Generic[T]);
    Stack[int] is then an alias that makes Stack instances."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_convert(p) for p in params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(f'Parameter list to {cls.__qualname__}[...] cannot be empty')
            if not all(_is_typevar_like(p) for p in params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be type '
                                'variables or parameter specification variables.')
            if len(set(params)) != len(params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be unique')
            if not _HAVE_MRO_ENTRIES:
                return _generic_base(cls, params)
        else:
            parameters = cls.__dict__.get('__parameters__', ())
            if not parameters:
                raise TypeError(f'{cls} is not a generic class')
            _check_arg_count(cls, params, len(parameters))
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if '_generic_params' in cls.__dict__:
            return
        tvars = []
        orig_bases = cls.__dict__.get('__orig_bases__', ())
        for base in orig_bases:
            if isinstance(base, _GenericAlias):
                for p in base.__parameters__:
                    if p not in tvars:
                        tvars.append(p)
        for base in cls.__mro__[1:]:
            for p in base.__dict__.get('_generic_params', ()):
                if p not in tvars:
                    tvars.append(p)
            if '_generic_params' in base.__dict__:
                break
        if not tvars:
            for base in cls.__bases__:
                for p in base.__dict__.get('__parameters__', ()):
                    if p not in tvars:
                        tvars.append(p)
        cls.__parameters__ = tuple(tvars)


class _ProtocolMeta(ABCMeta):
    """isinstance() against a @runtime_checkable protocol checks that the
    object has the protocol's members."""

    def __instancecheck__(cls, instance):
        if getattr(cls, '_is_protocol', False) and not getattr(cls, '_is_runtime_protocol', False):
            if cls.__dict__.get('_is_protocol', False):
                raise TypeError('Instance and class checks can only be used with'
                                ' @runtime_checkable protocols')
        if type.__subclasscheck__(cls, type(instance)):
            return True
        if getattr(cls, '_is_protocol', False) and cls.__dict__.get('_is_protocol', False):
            return all(hasattr(instance, attr) and
                       (not callable(getattr(cls, attr, None)) or getattr(instance, attr) is not None)
                       for attr in _get_protocol_attrs(cls))
        return super().__instancecheck__(instance)


_SPECIAL_NAMES = frozenset({
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__',
    '__module__', '__new__', '__slots__', '__subclasshook__', '__weakref__',
    '__class_getitem__', '__qualname__', '__parameters__', '__orig_bases__',
    '__init_subclass__', '_is_protocol', '_is_runtime_protocol',
    '_generic_params', '_abc_registry', '_abc_cache', '_abc_checks_new',
})


def _get_protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = getattr(base, '__annotations__', {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith('_abc_') and attr not in _SPECIAL_NAMES:
                attrs.add(attr)
    return attrs


class Protocol(Generic, metaclass=_ProtocolMeta):
    """The base of protocol classes (structural types):
    class Greeter(Protocol): def greet(self) -> str: ..."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if '_generic_params' in cls.__dict__:
            return
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol or
                                   (b.__dict__.get('_generic_params') and issubclass(b, Protocol)
                                    and b.__mro__[1] is Protocol)
                                   for b in cls.__bases__)
        if cls._is_protocol and '__init__' not in cls.__dict__:
            cls.__init__ = _no_init_or_replace_init

    def __new__(cls, *args, **kwargs):
        if cls.__dict__.get('_is_protocol', False):
            raise TypeError('Protocols cannot be instantiated')
        return object.__new__(cls)


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls.__dict__.get('_is_protocol', False):
        raise TypeError('Protocols cannot be instantiated')
    for base in cls.__mro__:
        init = base.__dict__.get('__init__', _no_init_or_replace_init)
        if init is not _no_init_or_replace_init:
            init(self, *args, **kwargs)
            return
    object.__init__(self)


def runtime_checkable(cls):
    """Marks a protocol class for isinstance()/issubclass() checks."""
    if not isinstance(cls, type) or not issubclass(cls, Generic) or not cls._is_protocol:
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


################################################################################
# NamedTuple, TypedDict, NewType
################################################################################

_prohibited = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                         '_fields', '_field_defaults', '_make', '_replace',
                         '_asdict', '_source'})
_special = frozenset({'__module__', '__name__', '__annotations__'})


def _make_nmtuple(name, types_, module, defaults=()):
    fields = [n for n, t in types_]
    types_ = {n: _type_check(t, f'field {n} annotation must be a type')
              for n, t in types_}
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = nm_tpl.__new__.__annotations__ = types_
    return nm_tpl


class NamedTupleMeta(type):
    """Turns `class P(NamedTuple): x: int` into a collections.namedtuple
    class with annotations and the class body's methods."""

    def __new__(cls, typename, bases, ns):
        if not bases:  # typing.NamedTuple itself.
            return super().__new__(cls, typename, bases, ns)
        for base in bases:
            if base is not _NamedTuple and base is not Generic and \
                    not base.__dict__.get('_generic_params'):
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        annotations = ns.get('__annotations__', {})
        default_names = []
        for field_name in annotations:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, annotations.items(),
                               defaults=[ns[n] for n in default_names],
                               module=ns.get('__module__', '__main__'))
        for key in ns:
            if key in _prohibited:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            elif key not in _special and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl


class NamedTuple(metaclass=NamedTupleMeta):
    """Typed namedtuple: class Employee(NamedTuple): name: str; id: int = 3
    (or NamedTuple('Employee', [('name', str), ('id', int)]))."""

    def __new__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError('Either list of fields or keywords'
                            ' can be provided to NamedTuple, not both')
        return _make_nmtuple(typename, fields, module=_caller_module())


_NamedTuple = NamedTuple


def _typeddict_new(cls, *args, **kwargs):
    # Calling a TypedDict class makes a plain dict.
    return dict(*args, **kwargs)


class _TypedDictMeta(type):
    """Makes `class Movie(TypedDict): title: str` a dict subclass carrying
    __annotations__, __required_keys__, __optional_keys__ and __total__;
    calling it returns a plain dict."""

    def __new__(cls, name, bases, ns, total=True):
        if ns.pop('_typeddict_root', False):
            return type.__new__(cls, name, (dict,), ns)
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        ns['__new__'] = staticmethod(_typeddict_new)
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        own_annotations = ns.get('__annotations__', {})
        msg = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
        own_annotations = {n: _type_check(tp, msg, module=tp_dict.__module__)
                           for n, tp in own_annotations.items()}
        required_keys = set()
        optional_keys = set()
        for base in bases:
            if base is TypedDict:
                continue
            annotations.update(base.__dict__.get('__annotations__', {}))
            required_keys.update(base.__dict__.get('__required_keys__', ()))
            optional_keys.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own_annotations)
        for key, tp in own_annotations.items():
            origin = getattr(tp, '__origin__', None)
            if origin is Required:
                required_keys.add(key)
            elif origin is NotRequired:
                optional_keys.add(key)
            elif total:
                required_keys.add(key)
            else:
                optional_keys.add(key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        if not hasattr(tp_dict, '__total__'):
            tp_dict.__total__ = total
        return tp_dict

    __call__ = dict

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


class TypedDict(metaclass=_TypedDictMeta):
    """A dict type with known keys: class Movie(TypedDict): title: str
    (or TypedDict('Movie', {'title': str})). Instances are plain dicts."""
    _typeddict_root = True

    def __new__(cls, typename=None, fields=None, /, *, total=True, **kwargs):
        if typename is None:
            return dict()
        if fields is None:
            fields = kwargs
        ns = {'__annotations__': dict(fields), '__module__': _caller_module()}
        return _TypedDictMeta(typename, (TypedDict,), ns, total=total)


def is_typeddict(tp):
    """True for classes made with TypedDict."""
    return isinstance(tp, _TypedDictMeta) and tp is not TypedDict


class NewType:
    """NewType('UserId', int): a callable that returns its argument, for
    distinct types in annotations."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def __mro_entries__(self, bases):
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError(
                    f'Cannot subclass an instance of NewType. Perhaps you were looking for: '
                    f'`{subclass_name} = NewType({subclass_name!r}, {superclass_name})`')
        return (Dummy,)

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


################################################################################
# Functions
################################################################################

def cast(typ, val):
    """Returns val unchanged (tells a type checker its type)."""
    return val


def assert_type(val, typ, /):
    """Returns val unchanged (a type checker verifies its type)."""
    return val


def assert_never(arg, /):
    """Fails at runtime: code a type checker proved unreachable ran."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f'Expected code to be unreachable, but got: {value}')


def reveal_type(obj, /):
    """Prints the runtime type of obj to stderr and returns obj."""
    print(f'Runtime type is {type(obj).__name__!r}', file=sys.stderr)
    return obj


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. '
        'A series of @overload-decorated functions '
        'outside a stub module should always be followed '
        'by an implementation that is not @overload-ed.')


def overload(func):
    """Marks one signature of an overloaded function; the final undecorated
    definition is the implementation."""
    f = getattr(func, '__func__', func)
    try:
        key = (f.__module__, f.__qualname__)
        _overload_registry.setdefault(key, []).append(func)
    except AttributeError:
        pass
    return _overload_dummy


def get_overloads(func):
    """The @overload signatures recorded for func."""
    f = getattr(func, '__func__', func)
    key = (getattr(f, '__module__', None), getattr(f, '__qualname__', None))
    return list(_overload_registry.get(key, []))


def clear_overloads():
    _overload_registry.clear()


def final(f):
    """Marks a method or class final (recorded as __final__)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Marks annotations as not type hints."""
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    @functools.wraps(decorator)
    def wrapped_decorator(*args, **kwds):
        func = decorator(*args, **kwds)
        func = no_type_check(func)
        return func
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False,
                        kw_only_default=False, field_specifiers=(), **kwargs):
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            'eq_default': eq_default, 'order_default': order_default,
            'kw_only_default': kw_only_default,
            'field_specifiers': field_specifiers, 'kwargs': kwargs,
        }
        return cls_or_fn
    return decorator


def get_origin(tp):
    """The unsubscripted version of a type: get_origin(List[int]) is list,
    get_origin(Optional[int]) is Union; None for plain types."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, _GenericAliasType, ParamSpecArgs,
                       ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, _UnionType):
        return _UnionType
    if isinstance(tp, type) and '_generic_params' in tp.__dict__:
        return tp.__mro__[1]
    return None


def _should_unflatten_callable_args(typ, args):
    return (typ.__origin__ is collections.abc.Callable
            and not (len(args) == 2 and (args[0] is Ellipsis or _is_typevar_like(args[0]))))


def get_args(tp):
    """The arguments of a subscripted type: get_args(Dict[str, int]) is
    (str, int); Callable[[int], str] gives ([int], str)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, _GenericAliasType)):
        res = tp.__args__
        if _should_unflatten_callable_args(tp, res):
            res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, _UnionType):
        return tp.__args__
    if isinstance(tp, type) and '_generic_params' in tp.__dict__:
        return tp._generic_params
    return ()


def _eval_type(t, globalns, localns, recursive_guard=frozenset()):
    """Evaluates forward references in t, recursively."""
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, recursive_guard)
    if isinstance(t, (_GenericAlias, _GenericAliasType, _UnionType)):
        if isinstance(t, _GenericAliasType):
            args = tuple(ForwardRef(arg) if isinstance(arg, str) else arg
                         for arg in t.__args__)
            if _should_unflatten_callable_args(t, args):
                t = t.__origin__[(args[:-1], args[-1])]
            else:
                t = t.__origin__[args]
        ev_args = tuple(_eval_type(a, globalns, localns, recursive_guard)
                        for a in t.__args__)
        if ev_args == t.__args__:
            return t
        if isinstance(t, _GenericAliasType):
            return _GenericAliasType(t.__origin__, ev_args)
        if isinstance(t, _UnionType):
            return functools.reduce(lambda a, b: a | b, ev_args)
        return t.copy_with(ev_args)
    return t


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if hasattr(t, '__origin__') and t.__origin__ in (Required, NotRequired):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, _GenericAlias):
        stripped_args = tuple(_strip_annotations(a) for a in t.__args__)
        if stripped_args == t.__args__:
            return t
        return t.copy_with(stripped_args)
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a function, method, module or class, with string
    annotations evaluated and None turned into NoneType (a class merges its
    bases' annotations)."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if globalns is None:
                base_globals = getattr(sys.modules.get(base.__module__, None), '__dict__', {})
            else:
                base_globals = globalns
            ann = base.__dict__.get('__annotations__', {})
            if not isinstance(ann, dict):
                ann = {}
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                if value is None:
                    value = type(None)
                if isinstance(value, str):
                    value = ForwardRef(value, is_argument=False, is_class=True)
                value = _eval_type(value, base_globals, base_locals)
                hints[name] = value
        return hints if include_extras else {k: _strip_annotations(t) for k, t in hints.items()}

    if globalns is None:
        if isinstance(obj, types.ModuleType):
            globalns = obj.__dict__
        else:
            nsobj = obj
            while hasattr(nsobj, '__wrapped__'):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, '__globals__', {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    hints = getattr(obj, '__annotations__', None)
    if hints is None:
        if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType,
                            types.MethodType, types.ModuleType)):
            return {}
        raise TypeError(f'{obj!r} is not a module, class, method, or function.')
    hints = dict(hints)
    for name, value in hints.items():
        if value is None:
            value = type(None)
        if isinstance(value, str):
            value = ForwardRef(value, is_argument=not isinstance(obj, types.ModuleType),
                               is_class=False)
        hints[name] = _eval_type(value, globalns, localns)
    return hints if include_extras else {k: _strip_annotations(t) for k, t in hints.items()}


################################################################################
# The aliases of builtin and collections classes
################################################################################

Hashable = _alias(collections.abc.Hashable, 0)
Awaitable = _alias(collections.abc.Awaitable, 1)
Coroutine = _alias(collections.abc.Coroutine, 3)
AsyncIterable = _alias(collections.abc.AsyncIterable, 1)
AsyncIterator = _alias(collections.abc.AsyncIterator, 1)
Iterable = _alias(collections.abc.Iterable, 1)
Iterator = _alias(collections.abc.Iterator, 1)
Reversible = _alias(collections.abc.Reversible, 1)
Sized = _alias(collections.abc.Sized, 0)
Container = _alias(collections.abc.Container, 1)
Collection = _alias(collections.abc.Collection, 1)
Callable = _CallableType(collections.abc.Callable, 2)
AbstractSet = _alias(collections.abc.Set, 1, name='AbstractSet')
MutableSet = _alias(collections.abc.MutableSet, 1)
Mapping = _alias(collections.abc.Mapping, 2)
MutableMapping = _alias(collections.abc.MutableMapping, 2)
Sequence = _alias(collections.abc.Sequence, 1)
MutableSequence = _alias(collections.abc.MutableSequence, 1)
ByteString = _alias(collections.abc.ByteString, 0)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _alias(list, 1, inst=False, name='List')
Deque = _alias(collections.deque, 1, name='Deque')
Set = _alias(set, 1, inst=False, name='Set')
FrozenSet = _alias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _alias(collections.abc.MappingView, 1)
KeysView = _alias(collections.abc.KeysView, 1)
ItemsView = _alias(collections.abc.ItemsView, 2)
ValuesView = _alias(collections.abc.ValuesView, 1)
ContextManager = _alias(contextlib.AbstractContextManager, 1, name='ContextManager')
AsyncContextManager = _alias(contextlib.AbstractAsyncContextManager, 1,
                             name='AsyncContextManager')
Dict = _alias(dict, 2, inst=False, name='Dict')
DefaultDict = _alias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2)
Generator = _alias(collections.abc.Generator, 3)
AsyncGenerator = _alias(collections.abc.AsyncGenerator, 2)
Type = _alias(type, 1, inst=False, name='Type')

Text = str
AnyStr = TypeVar('AnyStr', bytes, str)
AnyStr.__module__ = 'typing'
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)
for _tv in (T, KT, VT, T_co, V_co, VT_co, T_contra, CT_co):
    _tv.__module__ = 'typing'
del _tv


@runtime_checkable
class SupportsInt(Protocol):
    """An object with __int__."""
    __slots__ = ()

    @abstractmethod
    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An object with __float__."""
    __slots__ = ()

    @abstractmethod
    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An object with __complex__."""
    __slots__ = ()

    @abstractmethod
    def __complex__(self):
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An object with __bytes__."""
    __slots__ = ()

    @abstractmethod
    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An object with __index__."""
    __slots__ = ()

    @abstractmethod
    def __index__(self) -> int:
        pass


@runtime_checkable
class SupportsAbs(Protocol):
    """An object with __abs__."""
    __slots__ = ()

    @abstractmethod
    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol):
    """An object with __round__."""
    __slots__ = ()

    @abstractmethod
    def __round__(self, ndigits: int = 0):
        pass
