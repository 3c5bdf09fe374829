# attrgetter, itemgetter and methodcaller: results, reprs, errors.
from operator import attrgetter, itemgetter, methodcaller

class O:
    pass
o = O()
o.a = 1
o.b = O()
o.b.c = 'deep'
print(attrgetter('a')(o), attrgetter('a', 'b.c')(o), attrgetter('b.c')(o))
print(itemgetter(1)('abc'), itemgetter(0, 2)('abc'), itemgetter('k')({'k': 'v'}))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=itemgetter(1)))
print(methodcaller('split', ',')('a,b,c'), methodcaller('split', ',', maxsplit=1)('a,b,c'))
print(attrgetter('a'), attrgetter('a', 'b.c'), itemgetter(1), itemgetter(1, 'x'))
print(methodcaller('f'), methodcaller('f', 1, k=2))
print(attrgetter('a').__reduce__(), itemgetter(1, 2).__reduce__(), methodcaller('f', 1).__reduce__())
for bad in [lambda: attrgetter(), lambda: attrgetter(1), lambda: attrgetter('a')(), lambda: attrgetter('zz')(o),
            lambda: itemgetter()(1), lambda: itemgetter(5)([1]), lambda: methodcaller(), lambda: methodcaller(1),
            lambda: methodcaller('x')(1, 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
