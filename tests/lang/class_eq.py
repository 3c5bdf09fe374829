class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        print("  __eq__ called")
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y


a = Vec(1, 2)
b = Vec(1, 2)
c = Vec(2, 1)
print(a == b)
print(a == c)
print(a != c)
print(a is b)
print(Vec(2, 1) in [a, b, c])
print(a == 5)


class Plain:
    pass


p = Plain()
print(p == p, p == Plain())
