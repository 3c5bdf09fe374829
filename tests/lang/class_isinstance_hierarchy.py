class Shape:
    pass


class Circle(Shape):
    pass


class Square(Shape):
    pass


class Unit(Square):
    pass


objs = [Shape(), Circle(), Square(), Unit(), 5, "s"]
for o in objs:
    print(type(o).__name__, isinstance(o, Shape), isinstance(o, Square), isinstance(o, (Circle, int)))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)))
print(isinstance([], list), isinstance((), list), isinstance({}, dict), isinstance("x", str))


# isinstance() falls back on __class__ when the real type does not match (proxies).
class Proxy(object):
    def __init__(self, obj):
        self.__obj = obj
    def __getattribute__(self, name):
        if name.startswith("_Proxy__"):
            return object.__getattribute__(self, name)
        return getattr(self.__obj, name)


class Base:
    pass


class Derived(Base):
    pass


class FakeStr:
    __class__ = str


print("proxy isinstance:", isinstance(Proxy(Derived()), Base), isinstance(Proxy(Derived()), Derived),
      isinstance(Proxy(Base()), Derived), isinstance(FakeStr(), str), isinstance(FakeStr(), int),
      Base.__instancecheck__(Proxy(Base())), issubclass(FakeStr, str))
