# An uncaught exception group is printed in CPython's boxed layout.
def inner():
    raise ValueError("bad value")

def collect():
    errors = []
    for f in (inner, lambda: 1 / 0):
        try:
            f()
        except Exception as e:
            errors.append(e)
    e = KeyError("k")
    e.add_note("a note\nover two lines")
    errors.append(ExceptionGroup("nested", [e, TypeError("t")]))
    raise ExceptionGroup("several", errors)

try:
    collect()
except* ZeroDivisionError:
    raise RuntimeError("while handling")
