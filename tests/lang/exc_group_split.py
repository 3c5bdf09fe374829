# BaseExceptionGroup / ExceptionGroup: construction, split, subgroup, derive, notes.
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
m, r = eg.split(ValueError)
print(repr(m))
print(repr(r))
print(m.args, type(m.args[1]).__name__)
print(eg.split((ValueError, KeyError)))
print(eg.split(lambda e: isinstance(e, (TypeError, KeyError))))
print(eg.split(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner"))
print(eg.subgroup(BaseException) is eg, eg.split(Exception)[0] is eg)
print(eg.subgroup(OSError), eg.split(OSError)[0])
print(eg.subgroup(lambda e: isinstance(e, KeyError)))
for bad in (len, 1, (ValueError, 1), "x"):
    try:
        eg.split(bad)
    except TypeError as e:
        print(e)

# Metadata is copied to the parts; notes are copied, not shared.
try:
    raise eg
except ExceptionGroup as caught:
    caught.add_note("a note")
    caught.__cause__ = KeyError("cause")
    m, r = caught.split(ValueError)
    print(m.__traceback__ is caught.__traceback__, repr(m.__cause__), m.__notes__, m.__notes__ is caught.__notes__)
    print(m.__suppress_context__)

# derive is what rebuilds the groups.
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)

g = MyGroup("mine", [ValueError(1), TypeError(2)])
print(repr(g.split(ValueError)))

class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42
try:
    BadDerive("x", [ValueError(1), TypeError(2)]).split(ValueError)
except TypeError as e:
    print(e)

# Construction.
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
print(type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__)
print(str(ExceptionGroup("one", [ValueError()])), str(ExceptionGroup("two", (ValueError(), KeyError()))))
for args in [("x", []), ("x", [1]), (1, [ValueError()]), ("x", ValueError()), ("x",), ("x", {ValueError()})]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
class MyEG(ExceptionGroup):
    pass
try:
    MyEG("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
try:
    eg.message = "y"
except AttributeError as e:
    print(e)
print(eg.__dict__, eg.exceptions[0], eg.message)
print(ExceptionGroup[int], issubclass(ExceptionGroup, Exception), ExceptionGroup.__mro__)

# A subclass with its own constructor signature.
class CodeGroup(ExceptionGroup):
    def __new__(cls, message, excs, code):
        self = super().__new__(cls, message, excs)
        self.code = code
        return self
    def __init__(self, message, excs, code):
        super().__init__(message, excs)
    def derive(self, excs):
        return CodeGroup(self.message, excs, self.code)
cg = CodeGroup("c", [ValueError(1), TypeError(2)], 42)
m, r = cg.split(TypeError)
print(type(m).__name__, m.code, repr(m), repr(r))
