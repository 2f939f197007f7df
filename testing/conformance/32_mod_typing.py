# typing names and annotations (runtime behaviour only).
from typing import (Any, Callable, ClassVar, Dict, Final, Generic, Iterable, Iterator, List,
                    Literal, NamedTuple, Optional, Protocol, Sequence, Set, Tuple, TypeVar,
                    TypedDict, Union, cast, overload, TYPE_CHECKING)
import typing

T = TypeVar("T")
K = TypeVar("K", bound=str)


def first(items: Sequence[T]) -> Optional[T]:
    return items[0] if items else None


def apply(fn: Callable[[int], int], values: List[int]) -> List[int]:
    return [fn(v) for v in values]


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> "Stack[T]":
        self.items.append(item)
        return self

    def pop(self) -> T:
        return self.items.pop()


class Employee(NamedTuple):
    name: str
    id: int = 3


class Movie(TypedDict):
    title: str
    year: int


class Greeter(Protocol):
    def greet(self) -> str: ...


class English:
    def greet(self) -> str:
        return "hello"


class Config:
    limit: ClassVar[int] = 10
    name: str
    MAX: Final = 99


print("-- functions and generics")
print(first([3, 4]), first([]), first("xyz"), apply(lambda v: v * 2, [1, 2, 3]))
s = Stack[int]().push(1).push(2)
print(s.pop(), s.items, type(s).__name__)
print(first.__annotations__)
print(apply.__annotations__["fn"], apply.__annotations__["return"])

print("-- NamedTuple, TypedDict, Protocol")
e = Employee("Guido")
print(e, e.id, Employee._fields, Employee.__annotations__, e._replace(id=7))
m: Movie = {"title": "Blade Runner", "year": 1982}
print(m, type(m).__name__, Movie.__annotations__ if hasattr(Movie, "__annotations__") else None)
g: Greeter = English()
print(g.greet(), isinstance(g, English))

print("-- typing objects")
print(Optional[int], Union[int, str], Union[int, None] == Optional[int], List[int], Dict[str, List[int]])
print(Tuple[int, ...], Callable[[int, str], bool], Literal["a", "b"], Set[bytes], Iterable[int], Iterator[str])
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]), typing.get_args(Optional[str]))
print(T, K, T.__name__, K.__bound__, Any, cast(int, "not really"), TYPE_CHECKING)
print(int | str, list[int], dict[str, tuple[int, ...]], type(int | None).__name__)
print(Config.limit, Config.__annotations__, Config.MAX)
x: int = 5
y: "forward ref"
print(x, __annotations__ if "__annotations__" in dir() else {}, "y" in globals())


@overload
def double(v: int) -> int: ...
@overload
def double(v: str) -> str: ...
def double(v):
    return v * 2


print(double(4), double("ab"))
print(typing.get_type_hints(first))
