# A class whose __call__ is an instance of itself: calling it recurses in C
# (slot_call -> obj_call -> slot_call ...) and must end in RecursionError.
class A:
    pass

A.__call__ = A()
a = A()
try:
    a()
except RecursionError as e:
    print("RecursionError:", e)

# The interpreter still works after it.
class B:
    def __call__(self, x):
        return x * 2

B.__call__ = B.__call__
print(B()(21))
