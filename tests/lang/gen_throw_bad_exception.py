# gen.throw(E) where E.__new__ returns a non-exception: the TypeError is thrown
# into the generator, as is an error raised by E.__new__.
class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls
def boring_generator():
    yield
gen = boring_generator()
try:
    gen.throw(E)
except TypeError as e: print("TypeError", e)
print(next(gen, "exhausted"))
def generator():
    try:
        yield
    except TypeError as e:
        print("inside:", e)
        yield "caught"
gen = generator()
next(gen)
print(gen.throw(E))
class F(Exception):
    def __new__(cls, *a):
        raise KeyError("in new")
gen = generator()
next(gen)
try:
    gen.throw(F)
except KeyError as e:
    print("KeyError", e)
print(next(gen, "exhausted"))
