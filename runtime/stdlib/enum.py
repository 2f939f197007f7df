"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.

minidynamo's version, written in Python, with CPython 3.11's reprs
(<Color.RED: 1>), lookups (Color(1), Color['RED']), iteration in definition
order, aliases, and flag arithmetic.

Looking members up by value (Color(1)) happens in Enum.__new__: the VM does
not call a metaclass __call__, so the class's own __new__ does the lookup
(the original __new__ is kept as _new_member_ for creating members).
"""

import sys

__all__ = [
    'EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
    'ReprEnum', 'auto', 'unique', 'property', 'member', 'nonmember',
    'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP', 'global_enum',
    'verify', 'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE',
]

_builtin_property = property


class nonmember:
    """Protects a value from becoming a member."""

    def __init__(self, value):
        self.value = value


class member:
    """Forces a value to become a member."""

    def __init__(self, value):
        self.value = value


class property(_builtin_property):
    """enum's property (DynamicClassAttribute in CPython): name and value on
    members."""


_auto_null = object()


class auto:
    """A placeholder value replaced by _generate_next_value_ (1, 2, 3, ...
    for Enum; powers of two for Flag; the lowercased name for StrEnum)."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % self.value


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1:2] != '_' and name[-2:-1] != '_')


def _is_descriptor(obj):
    t = type(obj)
    return (hasattr(t, '__get__') or hasattr(t, '__set__')
            or hasattr(t, '__delete__'))


def _is_private(cls_name, name):
    pattern = f'_{cls_name.lstrip("_")}__'
    return (len(name) > len(pattern) and name.startswith(pattern)
            and not name.endswith('_'))


class FlagBoundary:
    """What Flag does with values that have bits no member has."""

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return f'<FlagBoundary.{self._name}: {self._name.lower()!r}>'


STRICT = FlagBoundary('STRICT')
CONFORM = FlagBoundary('CONFORM')
EJECT = FlagBoundary('EJECT')
KEEP = FlagBoundary('KEEP')


class EnumCheck:
    def __init__(self, name):
        self._name = name


CONTINUOUS = EnumCheck('CONTINUOUS')
NAMED_FLAGS = EnumCheck('NAMED_FLAGS')
UNIQUE = EnumCheck('UNIQUE')


def _noop_init(self, *args, **kwds):
    pass


class EnumType(type):
    """The metaclass of enumerations: turns the class body's plain values
    into members, and makes the class iterable, sized and indexable by
    name."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        return {}

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        # Separate the members from the rest of the class body.
        ignore = classdict.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        member_names = []
        member_values = {}
        body = {}
        generate = classdict.get('_generate_next_value_')
        if generate is None and first_enum is not None:
            generate = getattr(first_enum, '_generate_next_value_', None)
        if isinstance(generate, staticmethod):
            generate = generate.__func__
        last_values = []
        for key, value in classdict.items():
            if key in ignore or key == '_ignore_':
                continue
            if isinstance(value, nonmember):
                body[key] = value.value
                continue
            forced = isinstance(value, member)
            if forced:
                value = value.value
            if not forced and (_is_dunder(key) or _is_sunder(key) or
                               _is_private(cls, key) or _is_descriptor(value)):
                body[key] = value
                continue
            if key in member_values:
                raise TypeError(f'{key!r} already defined as {member_values[key]!r}')
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = generate(key, 1, len(member_names), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(generate(key, 1, len(member_names), last_values[:])
                              if isinstance(v, auto) and v.value is _auto_null
                              else (v.value if isinstance(v, auto) else v)
                              for v in value)
            member_names.append(key)
            member_values[key] = value
            last_values.append(value)
        for key in member_names:
            if key in ('mro', ''):
                raise ValueError(f'invalid enum member name: {key!r}')

        # Enum's own __new__ is the lookup, never a member constructor.
        new_member = body.get('__new__') if first_enum is not None else None
        save_new = new_member is not None
        if new_member is None:
            new_member = metacls._find_new_member_(member_type, first_enum)
        elif isinstance(new_member, staticmethod):
            new_member = new_member.__func__
        body['_new_member_'] = staticmethod(new_member)
        body['_use_args_'] = not (member_type is object and not save_new)
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_member_type_'] = member_type
        body['_unhashable_values_'] = []
        if boundary is not None:
            body['_boundary_'] = boundary
        if first_enum is not None:
            # Calling an enum class looks a member up (see Enum.__new__).
            body['__new__'] = Enum.__dict__['__new__']
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)

        # The members, in definition order; an equal value makes an alias.
        for name in member_names:
            value = member_values[name]
            if isinstance(value, tuple) and member_type is not tuple:
                args = value
            else:
                args = (value,)
            if not enum_class._use_args_:
                enum_member = new_member(enum_class)
            else:
                enum_member = new_member(enum_class, *args)
            if not hasattr(enum_member, '_value_'):
                if member_type is object:
                    enum_member._value_ = value
                else:
                    try:
                        enum_member._value_ = member_type(*args)
                    except Exception:
                        enum_member._value_ = value
            value = enum_member._value_
            enum_member._name_ = name
            enum_member.__objclass__ = enum_class
            enum_member.__init__(*args)
            enum_member._sort_order_ = len(enum_class._member_names_)
            canonical = None
            try:
                canonical = enum_class._value2member_map_.get(value)
            except TypeError:
                for other in enum_class._member_map_.values():
                    if other._value_ == value:
                        canonical = other
                        break
            if canonical is not None:
                enum_member = canonical
            elif not (enum_class._multibit_aliases_ and isinstance(value, int)
                      and value > 0 and value & (value - 1)):
                # (Flag members of several bits are aliases: not iterated.)
                enum_class._member_names_.append(name)
            type.__setattr__(enum_class, name, enum_member)
            enum_class._member_map_[name] = enum_member
            try:
                enum_class._value2member_map_.setdefault(value, enum_member)
            except TypeError:
                enum_class._unhashable_values_.append(value)

        # Calling the class looks members up; it must not re-run __init__.
        if member_names and '__init__' in enum_class.__dict__:
            type.__setattr__(enum_class, '__init__', _noop_init)
        if first_enum is not None:
            metacls._fix_methods_(enum_class, classdict, first_enum, member_type)
        if hasattr(enum_class, '_finalize_flag_'):
            enum_class._finalize_flag_()
        return enum_class

    @staticmethod
    def _fix_methods_(enum_class, classdict, first_enum, member_type):
        # A data type mixed in before Enum in the MRO (int in IntEnum) would
        # supply repr/str/format and the flag operators: put the Enum ones
        # back unless the class body defines them.
        if ReprEnum is not None and ReprEnum in enum_class.__bases__:
            if '__format__' not in classdict:
                type.__setattr__(enum_class, '__format__', member_type.__format__)
            if '__str__' not in classdict:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                type.__setattr__(enum_class, '__str__', method)
        for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
            if name in classdict or name in enum_class.__dict__:
                continue
            found = getattr(enum_class, name, None)
            if found is None:
                continue
            if found is getattr(member_type, name, None) or found is getattr(object, name, None):
                type.__setattr__(enum_class, name, getattr(first_enum, name))
        if Flag is not None and issubclass(enum_class, Flag):
            for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__',
                         '__rxor__', '__invert__'):
                if name not in classdict:
                    type.__setattr__(enum_class, name, Flag.__dict__[name])

    def __bool__(cls):
        return True

    def __contains__(cls, value):
        if not isinstance(value, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(value).__qualname__, cls.__class__.__qualname__))
        return isinstance(value, cls) and value._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f'{cls.__name__!r} cannot delete member {attr!r}.')
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)

    def __dir__(cls):
        return ['__class__', '__doc__', '__members__', '__module__'] + list(cls._member_names_)

    @classmethod
    def _get_mixins_(metacls, class_name, bases):
        """(member_type, first_enum): the data type mixed in (int for
        IntEnum, object otherwise) and the last Enum base."""
        if not bases:
            return object, None
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError(f'<enum {class_name!r}> cannot extend {base!r}')
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError('new enumerations should be created as '
                            '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
        member_type = object
        for chain in bases:
            for base in chain.__mro__:
                if base is object or isinstance(base, EnumType):
                    continue
                if '__new__' in base.__dict__ or base in (int, str, float, tuple, bytes):
                    member_type = base
                    break
            if member_type is not object:
                break
        return member_type, first_enum

    @classmethod
    def _find_new_member_(metacls, member_type, first_enum):
        if first_enum is not None:
            new = first_enum.__dict__.get('_new_member_')
            if new is not None:
                if isinstance(new, staticmethod):
                    new = new.__func__
                if new is not _object_new:
                    return new
        if member_type is object:
            return _object_new
        return member_type.__new__

    def _create_(cls, class_name, names, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        """The functional API: Enum('Color', 'RED GREEN')."""
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is None:
            try:
                import _vmframe
                info = _vmframe.caller(2)
                module = info[2].get('__name__') if info else None
            except ImportError:
                module = None
        classdict['__module__'] = module or '__main__'
        if qualname is not None:
            classdict['__qualname__'] = qualname
        metacls = builtins_type(cls)
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)


EnumMeta = EnumType
builtins_type = type


def _object_new(cls, *args):
    return object.__new__(cls)


Flag = None
ReprEnum = None


class Enum(metaclass=EnumType):
    """The base of enumerations:

        class Color(Enum):
            RED = 1
            GREEN = 2

    Color.RED is a member with .name 'RED' and .value 1; Color(1) and
    Color['RED'] find it."""

    def __new__(cls, value, *args, **kwds):
        if not cls._member_map_ and (args or 'names' in kwds):
            # Enum('Name', 'A B C'): the functional API.
            names = args[0] if args else kwds.pop('names')
            return cls._create_(value, names, **kwds)
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member_ in cls._member_map_.values():
                if member_._value_ == value:
                    return member_
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        raise TypeError(f'error in {cls.__name__}._missing_: returned {result!r} '
                        f'instead of None or a valid member')

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """auto(): one more than the last value (start for the first)."""
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    _value_repr_ = None
    _multibit_aliases_ = False

    @property
    def name(self):
        """The name of the member."""
        return self._name_

    @property
    def value(self):
        """The value of the member."""
        return self._value_


class ReprEnum(Enum):
    """An Enum whose str() and format() are those of its data type (the
    repr stays the Enum one)."""


class IntEnum(int, ReprEnum):
    """An Enum whose members are also ints."""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)

    _value_repr_ = int.__repr__


class StrEnum(str, ReprEnum):
    """An Enum whose members are also strs; auto() gives the lowercased
    name."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError(f'too many arguments for str(): {values!r}')
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(f'{values[0]!r} is not a string')
        value = str(*values)
        member_ = str.__new__(cls, value)
        member_._value_ = value
        return member_

    def __str__(self):
        return str.__str__(self)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _high_bit(value):
    return value.bit_length() - 1


def _bits(value):
    """The single-bit values set in value, lowest first."""
    bits = []
    bit = 1
    while bit <= value:
        if value & bit:
            bits.append(bit)
        bit <<= 1
    return bits


class Flag(Enum, boundary=CONFORM):
    """An Enum of bit flags combinable with | & ^ ~; combinations are
    pseudo-members named like 'R|W'. Unknown bits are dropped (CONFORM, the
    default of the reference CPython 3.11.2)."""

    _numeric_repr_ = repr
    _multibit_aliases_ = True

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _finalize_flag_(cls):
        flag_mask = 0
        for name in cls._member_names_:
            v = cls._member_map_[name]._value_
            if isinstance(v, int):
                flag_mask |= v
        type.__setattr__(cls, '_flag_mask_', flag_mask)
        type.__setattr__(cls, '_all_bits_', 2 ** flag_mask.bit_length() - 1)

    @classmethod
    def _iter_member_(cls, value):
        for name in cls._member_names_:
            m = cls._member_map_[name]
            mv = m._value_
            if mv and mv & value == mv and mv & (mv - 1) == 0:
                yield m

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        flag_mask = cls._flag_mask_
        boundary = getattr(cls, '_boundary_', CONFORM)
        neg_value = None
        if value < 0:
            neg_value = value
            value = cls._all_bits_ + 1 + value
        unknown = value & ~flag_mask
        if unknown and boundary is STRICT:
            raise ValueError('%r invalid value %r\n    given %s\n  allowed %s' % (
                cls, neg_value if neg_value is not None else value,
                bin(value), bin(flag_mask)))
        if unknown and boundary is CONFORM:
            value &= flag_mask
            unknown = 0
        if unknown and boundary is EJECT:
            return value
        member_type = cls._member_type_
        if member_type is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = member_type.__new__(cls, value)
        pseudo._value_ = value
        members = list(cls._iter_member_(value))
        if members and not unknown:
            pseudo._name_ = '|'.join(m._name_ for m in members)
        elif members and unknown:
            pseudo._name_ = '|'.join(m._name_ for m in members) + '|' + repr(unknown)
        else:
            pseudo._name_ = None
        return cls._value2member_map_.setdefault(value, pseudo)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(list(self.__class__._iter_member_(self._value_)))

    def __len__(self):
        return len(list(self.__class__._iter_member_(self._value_)))

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, v_repr(self._value_))
        return '<%s.%s: %s>' % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if getattr(self.__class__, '_boundary_', CONFORM) is KEEP:
            return self.__class__(~self._value_)
        return self.__class__(self._flag_mask_ ^ self._value_)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """A Flag whose members are also ints."""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)

    _value_repr_ = int.__repr__


def unique(enumeration):
    """Class decorator: no two members may share a value."""
    duplicates = []
    for name, member_ in enumeration.__members__.items():
        if name != member_.name:
            duplicates.append((name, member_.name))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name)
                                   for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' %
                         (enumeration, alias_details))
    return enumeration


def verify(*checks):
    def decorator(enumeration):
        return enumeration
    return decorator


def global_enum(cls, update_str=False):
    """Puts the members into the module's namespace."""
    module = sys.modules.get(cls.__module__)
    if module is not None:
        for name, member_ in cls.__members__.items():
            setattr(module, name, member_)
    return cls


def _simple_enum(etype=Enum, *, boundary=None, use_args=None):
    def convert_class(cls):
        body = {k: v for k, v in cls.__dict__.items() if k not in ('__dict__', '__weakref__')}
        return type(etype)(cls.__name__, (etype,), body, boundary=boundary)
    return convert_class
