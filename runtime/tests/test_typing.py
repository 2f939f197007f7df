# typing: reprs, equality, get_origin/get_args, substitution, generics,
# protocols, NamedTuple, TypedDict, NewType, get_type_hints.
import typing
from typing import (Any, Callable, ClassVar, Dict, Final, FrozenSet, Generic, Iterable, List,
                    Literal, Mapping, NamedTuple, NewType, Optional, Protocol, Sequence, Set,
                    Tuple, Type, TypedDict, TypeVar, Union, get_args, get_origin,
                    get_type_hints, runtime_checkable)

T = TypeVar("T")
U = TypeVar("U", int, str)
Co = TypeVar("Co", covariant=True)
print(T, U, Co, U.__constraints__, T.__bound__, Co.__covariant__, T.__name__)
print(Union[int, None, str], Optional[Union[int, str]], Union[int], Union[int, int], Tuple[()], Callable[..., int])
print(Type[int], typing.Hashable, typing.Any, repr(typing.NoReturn), List, Dict, typing.Deque[int], typing.DefaultDict[str, int])
print(Dict[str, int] == Dict[str, int], Union[int, str] == Union[str, int], List[int] == List[str], Optional[int] == Union[None, int])
print(hash(List[int]) == hash(List[int]), {Union[int, str]: 1}[Union[str, int]])
print(Dict[str, T][int], List[T].__parameters__, Dict[T, List[T]][str], Callable[[T], T][int])
print(typing.Annotated[int, "m"], get_args(typing.Annotated[int, "m", 2]), get_origin(typing.Annotated[int, "m"]) is typing.Annotated)
for bad in (lambda: List[int, str], lambda: isinstance(1, List[int]), lambda: Union[()], lambda: Dict[int][str],
            lambda: Generic[int], lambda: Any(), lambda: isinstance(1, Any)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(isinstance([], List), isinstance({}, Mapping), issubclass(list, Sequence) if False else None, get_origin(Optional[int]))
print(get_args(Callable[[int], str]), get_origin(Callable[[int], str]), get_args(Callable[..., str]), get_args(int), get_origin(int))
print(get_args(Tuple[int, ...]), get_origin(Literal[1]), get_args(Literal[1, "a"]), get_origin(List), get_args(int | str))
print(Literal[1, "a", None], Literal[1, 1, 2], Optional[Literal["x"]], ClassVar, Final[int], typing.Text, typing.AnyStr)
print(List[int] | None, int | List[str], Set[int] | FrozenSet[str], Iterable[int].__origin__)
print(typing.TYPE_CHECKING, typing.cast(str, 5), typing.assert_type(3, int), repr(typing.ForwardRef("X")))


class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item

    def get(self) -> T:
        return self.item


class Pair(Generic[T, U]):
    pass


b = Box[int](5)
print(b.get(), Box[int], Box[str] == Box[str], Pair[int, str], Box.__parameters__, Pair.__parameters__, type(b).__name__)
print(b.__orig_class__, get_origin(Box[int]) is Box, get_args(Pair[int, str]))
try:
    Box[int, str]
except TypeError as e:
    print("TypeError", e)


class Closeable(Protocol):
    def close(self) -> None: ...


@runtime_checkable
class Sized2(Protocol):
    def __len__(self) -> int: ...


print(isinstance([], Sized2), isinstance(1, Sized2), isinstance("s", typing.SupportsIndex), isinstance(1, typing.SupportsIndex))
try:
    isinstance(1, Closeable)
except TypeError as e:
    print("TypeError", e)
try:
    Closeable()
except TypeError as e:
    print("TypeError", e)


class Impl(Closeable):
    def close(self):
        return "closed"


print(Impl().close())


class Emp(NamedTuple):
    name: str
    dept: str = "eng"
    salary: float = 0.0

    def describe(self):
        return f"{self.name}/{self.dept}"


e = Emp("ann")
print(e, e.describe(), Emp._fields, Emp._field_defaults, Emp.__annotations__, isinstance(e, tuple))
Pt = NamedTuple("Pt", [("x", int), ("y", int)])
print(Pt(1, 2), Pt.__annotations__)
try:
    class BadNT(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError", e)


class Movie(TypedDict):
    title: str
    year: int


class Partial(TypedDict, total=False):
    note: str


m = Movie(title="x", year=1)
print(m, type(m).__name__, Movie.__annotations__, sorted(Movie.__required_keys__), sorted(Partial.__optional_keys__), Partial.__total__)
print(typing.is_typeddict(Movie), typing.is_typeddict(dict))
UserId = NewType("UserId", int)
print(UserId(5), UserId, UserId.__supertype__)


def annotated(a: int, b: "List[int]" = None, *, c: Optional["Box[int]"] = None) -> "str":
    return ""


print(get_type_hints(annotated))


class Node:
    value: int
    next: "Optional[Node]"
    limit: ClassVar[int] = 5


print(get_type_hints(Node))


@typing.overload
def ov(x: int) -> int: ...
@typing.overload
def ov(x: str) -> str: ...
def ov(x):
    return x


print(ov(3), len(typing.get_overloads(ov)), typing.final(ov) is ov)
