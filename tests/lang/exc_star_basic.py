# except*: matching by type and tuple, the split of a group, the unhandled rest re-raised.
def raise_group():
    raise ExceptionGroup("many", [ValueError("a"), TypeError("b"),
                                  ExceptionGroup("sub", [OSError(2, "x"), ValueError("c")])])

def handle():
    try:
        raise_group()
    except* ValueError as e:
        print("ValueError part:", repr(e))
        print("  message:", e.message, "count:", len(e.exceptions))
    except* (OSError, KeyError) as e:
        print("OSError/KeyError part:", repr(e))
    print("not reached")

try:
    handle()
except ExceptionGroup as rest:
    print("rest:", repr(rest))
    print("rest keeps the traceback:", rest.__traceback__ is not None)

# Everything matched: execution continues after the try.
try:
    raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
except* ValueError as e:
    print("all matched:", repr(e))
print("continues")

# A clause that matches nothing does not run.
try:
    raise ExceptionGroup("eg", [KeyError("k")])
except* ValueError:
    print("not run")
except* KeyError as e:
    print("second clause:", repr(e))

# except* BaseException takes the whole group as it is.
g = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(3)])
try:
    raise g
except* BaseException as e:
    print("whole group:", e is g, type(e).__name__)

# The name is unbound after the clause.
try:
    e
except NameError as x:
    print(x)

# else and finally.
for n in range(2):
    try:
        if n:
            raise ExceptionGroup("x", [ValueError(n)])
    except* ValueError:
        print("handler", n)
    else:
        print("else", n)
    finally:
        print("finally", n)

# Subclasses of the matched type match; order of clauses matters.
class MyError(ValueError):
    pass

try:
    raise ExceptionGroup("eg", [MyError("m"), ValueError("v")])
except* MyError as e:
    print("MyError:", repr(e))
except* ValueError as e:
    print("ValueError:", repr(e))
