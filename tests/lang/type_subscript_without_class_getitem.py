# Subscripting a class that defines no __class_getitem__ is a TypeError; type[...] itself still works.
class X: pass
class M(type): pass
class Y(metaclass=M): pass
for cls in (X, Y):
    try:
        cls[int]
    except TypeError as e:
        print(e)
print(type[int], type[int].__origin__ is type, list[int], 'type' in type.__dict__, '__class_getitem__' in type.__dict__)
class G:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(G[int], G['x'])
