# A local assigned an expression that reads the same local after a part of
# the result exists: short-circuits, chained comparisons, starred displays.

def or_default(match_string="", *, matchString=""):
    match_string = matchString or match_string
    return match_string

def and_keep(a, b):
    a = b and a
    return a

def nested(a, b):
    a = (b and a) or a
    return a

def chain(a, b, c):
    a = b < c < a
    return a

def chain_mid(a, b, c):
    a = b < a < c
    return a

def star_list(a, b):
    a = [*b, *a]
    return a

def star_tuple(a, b):
    a = (b, *a)
    return a

def star_set(a, b):
    a = {*b, *a}
    return sorted(a)

def dict_unpack(a, b):
    a = {b: 1, **a}
    return a

def big_list(a, b):
    a = [b] * 0 + [a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b,
                   a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b,
                   a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b,
                   a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b,
                   a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b,
                   a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b,
                   a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b,
                   a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b,
                   a, b, a, b]
    return a[:3], a[-3:], len(a)

def ifexp_or(a, b, c):
    a = (b or a) if c else (a or b)
    return a

print(repr(or_default("-")), repr(or_default("-", matchString="=")), repr(or_default()))
print(and_keep("x", "y"), and_keep("x", ""), nested(5, 0), nested(5, 7))
print(chain(3, 1, 2), chain(1, 1, 2), chain_mid(2, 1, 3), chain_mid(5, 1, 3))
print(star_list([1], [2]), star_tuple([1], 2), star_set({1}, {3}), dict_unpack({1: 2}, 3))
print(big_list(1, 2))
print(ifexp_or(1, 0, True), ifexp_or(0, 2, False), ifexp_or(3, 4, True))
