# typing.NewType calls the _typing accelerator's _idfunc (a builtin, so not bound as a method).
import _typing, typing
print(_typing._idfunc.__module__, _typing._idfunc.__name__, typing._idfunc is _typing._idfunc)
print(_typing._idfunc(5), _typing.__doc__)
UserId = typing.NewType('UserId', int)
print(UserId(5), repr(UserId), UserId.__supertype__, UserId.__call__ is _typing._idfunc)
for bad in [lambda: _typing._idfunc(), lambda: _typing._idfunc(1, 2), lambda: _typing._idfunc(x=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
