"""`@dataclass(frozen=True)` for the model's classes, without generating code.

The standard decorator writes each class's __init__, __repr__, __eq__,
__hash__, __setattr__ and __delattr__ as source text and compiles it, every
time the program starts: for the model's classes that is about 4 ms, a tenth of
what a cached answer costs above Python's own start. Here the class is still a
dataclass (dataclasses.fields and replace work on it), made with nothing
generated, and those six methods are shared ones that read the class's fields.
They behave as the generated ones do. The type checker sees the standard
decorator (model.py imports this one only at run time).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def dataclass(*, frozen: bool) -> Callable[[type[T]], type[T]]:
    """Only `frozen=True` is needed (and supported)."""
    if not frozen:
        raise TypeError("careerpath.frozen.dataclass makes frozen classes only")
    return _make


def _make(cls: type[T]) -> type[T]:
    if not cls.__doc__:  # else dataclass writes one from inspect.signature: slow
        cls.__doc__ = f"{cls.__name__}({', '.join(cls.__annotations__)})"
    made: Any = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    fields = dataclasses.fields(made)
    made._field_names = tuple(field.name for field in fields)
    made._defaults = {field.name: (field.default, field.default_factory) for field in fields
                      if field.default is not dataclasses.MISSING
                      or field.default_factory is not dataclasses.MISSING}
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        setattr(made, name, getattr(_Frozen, name))
    return made  # type: ignore[no-any-return]


class _Frozen:
    """The methods every frozen model class shares (see the module's docstring)."""

    _field_names: tuple[str, ...]
    _defaults: dict[str, tuple[Any, Any]]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        names = self._field_names
        if len(args) > len(names):
            raise TypeError(f"{type(self).__qualname__}() takes {len(names)} arguments, "
                            f"got {len(args)}")
        values = dict(zip(names, args))
        for name, value in kwargs.items():
            if name not in names or name in values:
                raise TypeError(f"{type(self).__qualname__}() got an unexpected or repeated "
                                f"argument '{name}'")
            values[name] = value
        for name in names[len(args):]:
            if name not in values:
                default, factory = self._defaults.get(name, (dataclasses.MISSING,) * 2)
                if default is not dataclasses.MISSING:
                    values[name] = default
                elif factory is not dataclasses.MISSING:
                    values[name] = factory()
                else:
                    raise TypeError(f"{type(self).__qualname__}() missing required "
                                    f"argument: '{name}'")
        self.__dict__.update((name, values[name]) for name in names)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in self._field_names)
        return f"{type(self).__qualname__}({shown})"

    def _values(self) -> tuple[Any, ...]:
        return tuple(self.__dict__[name] for name in self._field_names)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _Frozen._values(self) == _Frozen._values(other)

    def __hash__(self) -> int:
        return hash(_Frozen._values(self))

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field '{name}'")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field '{name}'")
