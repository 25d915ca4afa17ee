"""The package's annotations, for its users' type checkers (it ships py.typed) and for tools
that evaluate them (typing.get_type_hints) on every Python it supports (>= 3.9)."""
import inspect
import typing

import wxlint


def public_annotations():
    """(where, annotation text) of every public class's fields and every public function's
    and method's parameters and result."""
    for name in wxlint.__all__:
        obj = getattr(wxlint, name)
        functions = [obj] if inspect.isfunction(obj) else []
        if inspect.isclass(obj):
            yield from ((f"{name}.{k}", v) for k, v in getattr(obj, "__annotations__", {}).items())
            functions = [f for k, f in vars(obj).items() if inspect.isfunction(f) and (k == "__init__" or not k.startswith("_"))]
        for f in functions:
            for overload in typing.get_overloads(f) or [f]:
                yield from ((f"{f.__qualname__}({k})", v) for k, v in overload.__annotations__.items())


def test_annotations_evaluate_on_python_3_9():
    # Postponed (`from __future__ import annotations`), so text; dataclasses' __init__ are not.
    found = [(where, a) for where, a in public_annotations() if isinstance(a, str)]
    assert len(found) > 100
    assert [(where, a) for where, a in found if "|" in a] == []  # X | Y: TypeError in get_type_hints before 3.10
    for name in wxlint.__all__:
        if inspect.isclass(getattr(wxlint, name)) or inspect.isfunction(getattr(wxlint, name)):
            typing.get_type_hints(getattr(wxlint, name))


def test_apply_fixes_returns_the_type_it_was_given():
    returns = [(o.__annotations__["text"], o.__annotations__["return"]) for o in typing.get_overloads(wxlint.apply_fixes)]
    assert returns == [("str", "str"), ("Union[bytes, bytearray, memoryview]", "bytes"),
                       ("Union[dict, list, tuple]", "str")]
    text = '{"usersList": []}'
    assert type(wxlint.apply_fixes(text, [])) is str
    assert type(wxlint.apply_fixes(text.encode(), [])) is bytes
    assert type(wxlint.apply_fixes(bytearray(text.encode()), [])) is bytes
    assert type(wxlint.apply_fixes({"usersList": []}, [])) is str
