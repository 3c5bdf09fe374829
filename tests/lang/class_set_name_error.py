# __set_name__ runs for each class attribute at class creation; an error in it
# surfaces as a RuntimeError caused by the original (3.11).
from functools import cached_property
class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        if name == "bad":
            raise ValueError("no " + name)
class K:
    good = Named()
try:
    class L:
        bad = Named()
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
try:
    class Reused:
        @cached_property
        def a(self):
            pass
        b = a
except RuntimeError as e:
    print(type(e).__name__, e.__context__)
