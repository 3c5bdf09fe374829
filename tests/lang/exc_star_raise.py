# except*: what a clause raises is combined with the unhandled rest into a new group.
def show(e, indent=""):
    print(indent + repr(e), "cause=" + repr(e.__cause__), "context=" + repr(type(e.__context__).__name__))
    if isinstance(e, BaseExceptionGroup):
        for x in e.exceptions:
            show(x, indent + "  ")

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise                                   # re-raised: goes back into the original's shape
    except* TypeError as e:
        raise RuntimeError("new") from e        # raised: joins the result
except BaseException as e:
    show(e)

# Only re-raises: the result is the original group's projection.
orig = ExceptionGroup("eg", [ValueError(1), ExceptionGroup("in", [TypeError(2), ValueError(3)])])
try:
    try:
        raise orig
    except* ValueError:
        raise
except ExceptionGroup as e:
    show(e)
    print("same group:", e is orig)

# Re-raising a part while the rest is unhandled keeps the original nesting.
try:
    try:
        raise orig
    except* TypeError:
        raise
except ExceptionGroup as e:
    show(e)

# Two clauses raising new exceptions.
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("from first")
    except* TypeError:
        raise IndexError("from second")
except ExceptionGroup as e:
    show(e)

# A raised exception's context is the matched part.
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k")
except ExceptionGroup as e:
    k = e.exceptions[0]
    print(repr(k), repr(k.__context__))

# Raising a group from a clause.
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise ExceptionGroup("again", [e])
except ExceptionGroup as e:
    show(e)
