# The C _warnings module: filters, actions, registries, warn_explicit, source=.
import warnings, _warnings, sys

print(warnings.filters is _warnings.filters, warnings.onceregistry is _warnings._onceregistry)
print([(a, m, c.__name__, mod, ln) for a, m, c, mod, ln in warnings.filters])

shown = []
def show(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__, filename.rsplit("/", 1)[-1], lineno))
warnings.showwarning = show

def emit(msg, cat=UserWarning, level=1):
    warnings.warn(msg, cat, stacklevel=level)

for action in ["default", "always", "once", "module", "ignore"]:
    warnings.resetwarnings()
    warnings.simplefilter(action)
    shown.clear()
    for i in range(3):
        emit("m1")
        emit("m2")
    emit("m1")
    print(action, len(shown), sorted(set(s[0] for s in shown)))

warnings.resetwarnings()
warnings.simplefilter("error", RuntimeWarning)
try:
    warnings.warn("boom", RuntimeWarning)
except RuntimeWarning as e:
    print("raised", type(e).__name__, e)
warnings.warn("not an error", UserWarning)
print(shown[-1][:2])

# filters with a message regex, a module regex and a line number
warnings.resetwarnings()
warnings.filterwarnings("ignore", message="skip.*")
warnings.filterwarnings("error", category=DeprecationWarning, module="__main__")
shown.clear()
warnings.warn("skip me")
warnings.warn("keep me")
try:
    warnings.warn("dep", DeprecationWarning)
except DeprecationWarning as e:
    print("dep error", e)
print(shown)

# stacklevel: the caller's line
warnings.resetwarnings()
warnings.simplefilter("always")
shown.clear()
def inner():
    warnings.warn("from inner", stacklevel=2)
def outer():
    inner()   # this line
outer()
print(shown[-1][3] == outer.__code__.co_firstlineno + 1)
warnings.warn("huge level", stacklevel=1000)
print(shown[-1][2:])

# a Warning instance as the message
warnings.warn(FutureWarning("inst"))
print(shown[-1][:2])

# warn_explicit with a registry; the registry is reset when the filters change
reg = {}
warnings.resetwarnings()
warnings.simplefilter("default")
shown.clear()
for i in range(3):
    warnings.warn_explicit("ex", UserWarning, "f.py", 7, registry=reg)
print(len(shown), shown[0], sorted(k for k in reg if k != "version"))
warnings.filterwarnings("default", message="zzz")
warnings.warn_explicit("ex", UserWarning, "f.py", 7, registry=reg)
print(len(shown))
warnings.warn_explicit("ex2", UserWarning, "f.py", 8, module="mod", registry=None)
print(shown[-1])

# bad arguments
for args, kw in [((1, 2), {}), (("x", int), {}), (("x",), {"category": "no"})]:
    try:
        warnings.warn(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
try:
    warnings.warn_explicit("x", UserWarning, "f.py", 1, registry=[])
except TypeError as e:
    print("TypeError", e)
try:
    warnings.warn_explicit("x", UserWarning, "f.py", 1, module_globals=5)
except TypeError as e:
    print("TypeError", e)
warnings.filters.insert(0, ("bogus", None, Warning, None, 0))
try:
    warnings.warn("x")
except RuntimeError as e:
    print("RuntimeError", str(e).splitlines()[0])
warnings.filters.pop(0)

# source= reaches showwarning through WarningMessage
got = []
warnings._showwarnmsg = lambda m: got.append((str(m.message), m.source))
warnings.warn("with source", ResourceWarning, source="the-source")
print(got)

# defaultaction rebound in the warnings module is honoured
warnings.resetwarnings()
warnings.defaultaction = "ignore"
got.clear()
warnings.warn("quiet")
print(got)
for args, kw in [(("x",), {"stacklevel": 2**70}), (("x",), {"stacklevel": "a"})]:
    try:
        warnings.warn(*args, **kw)
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
for args in [("x", UserWarning, 5, 1), ("x", UserWarning, "f.py", 2**40), ("x", UserWarning, "f.py", "1")]:
    try:
        warnings.warn_explicit(*args)
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
