# iter(callable, sentinel) and iteration through __getitem__.
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
it = iter(tick, 4)
print(type(it).__name__, list(it), list(it))
def stopper():
    raise StopIteration
print(list(iter(stopper, None)))
def raiser():
    raise ValueError("bad")
try:
    list(iter(raiser, None))
except ValueError as e:
    print("ValueError", e)
class Squares:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError
        return i * i
print(list(Squares()), 9 in Squares(), 10 in Squares())
it = iter(Squares())
print(type(it).__name__, next(it), next(it), list(it))
class Stopping:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(Stopping()))
class Bad:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(Bad())
except KeyError as e:
    print("KeyError", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)
a, b, c = Squares()[0], *list(Squares())[1:3]
print(a, b, c)
