# An object whose __hash__ returns hash(some str) hashes exactly as that str
# (str hashes use the whole 64-bit range), so it finds and is found by the str
# in dicts and sets, whatever the hash seed.
words = ["attr", "x", "hello world", "__init__", "spam", "ham", "eggs", "a longer key string"] + [
    "k%d" % i for i in range(200)]


class Alias:
    def __init__(self, s):
        self.s = s

    def __hash__(self):
        return hash(self.s)

    def __eq__(self, other):
        return other == self.s


found = 0
for w in words:
    d = {Alias(w): 1}
    found += (w in d) + (hash(Alias(w)) == hash(w)) + (Alias(w) in {w}) + (d.get(w) == 1)
print(found, 4 * len(words))


# The case test_descr checks: a key of the instance dict that deletes the class
# attribute while it is compared.
def vicious():
    class Evil(object):
        def __hash__(self):
            return hash('attr')

        def __eq__(self, other):
            try:
                del C.attr
            except AttributeError:
                pass
            return 0

    class Descr(object):
        def __get__(self, ob, type=None):
            return 1

    class C(object):
        attr = Descr()

    c = C()
    c.__dict__[Evil()] = 0
    print(c.attr, hasattr(c, 'attr'), 'attr' in C.__dict__)


vicious()
print(hash(Alias(str(2 ** 70))) == hash(str(2 ** 70)), hash(type("H", (), {"__hash__": lambda s: 2 ** 70})()) == hash(2 ** 70))
