# except* on an exception that is not a group: it is wrapped in one when matched.
import sys

try:
    raise ValueError("naked")
except* ValueError as e:
    print(type(e).__name__, repr(e))
    print("wrapped:", repr(e.exceptions[0]), e.message == "")
    print("traceback kept:", e.__traceback__ is not None)
    print("sys.exception():", repr(sys.exc_info()[1]))
print("handled:", sys.exc_info())

# An unmatched naked exception passes through unchanged, not wrapped.
try:
    try:
        raise KeyError("k")
    except* ValueError:
        print("not run")
except KeyError as e:
    print("passed through:", repr(e))

# Raising inside the clause on a naked exception raises that exception.
try:
    try:
        raise ValueError(1)
    except* ValueError:
        raise TypeError(2)
except TypeError as e:
    print("raised:", repr(e), "context:", repr(e.__context__))

# A bare raise re-raises the naked exception itself.
orig = ValueError(3)
try:
    try:
        raise orig
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("bare raise gives the group:", repr(e))
except ValueError as e:
    print("bare raise gives the exception:", e is orig)

# In a function, with the traceback kept.
def f():
    try:
        raise OSError(5, "io")
    except* OSError as e:
        return_value = repr(e)
    return return_value

print(f())
