# float(x) through __float__ and __index__, and its errors.
class WithFloat:
    def __float__(self):
        return 2.5
class WithIndex:
    def __index__(self):
        return 2 ** 70
class BadFloat:
    def __float__(self):
        return "no"
print(float(WithFloat()), float(WithIndex()), float(" 3.25 "), float(10 ** 20), float(-5), float(False))
for v in [BadFloat(), object(), [], None, "abc", b"1.5x"]:
    try:
        print(float(v))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    float(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    float(x=1)
except TypeError as e:
    print("TypeError", e)
n = float("nan")
print(n != n, float("-inf") < -1e308, float("-0.0"), 1 / float("inf"))
