# `in`, count and index use identity before equality, as CPython does.
nan = float("nan")
a = [nan, 1]
print(nan in a, a.count(nan), a.index(nan))
print(float("nan") in a)
class Never:
    def __eq__(self, other):
        return False
n = Never()
print(n in [n], [n].count(n), n == n)
print(1 in [1.0], 1.0 in [1], True in [1], 2 in [1.0, 2.0])
print([] in [[]], () in [[]])
class Loud:
    def __eq__(self, other):
        print("eq called")
        return NotImplemented
print(Loud() in [1, 2])
