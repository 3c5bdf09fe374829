# str.maketrans in its three forms and str.translate with ints, strs, None and missing keys.
t = str.maketrans('abc', 'xyz')
print(sorted(t.items()))
print('aabbcc-d'.translate(t))
t2 = str.maketrans('abc', 'xyz', 'd-')
print(sorted(t2.items()))
print('aabbcc-d'.translate(t2))
t3 = str.maketrans({'a': 'AA', 'b': None, 'c': 0x4e2d, 100: '\U0001f600'})
print(sorted(t3.items()))
print('abcd abcd'.translate(t3))
print('hello'.translate({ord('l'): None}), 'hello'.translate({}), 'h\u00e9llo'.translate({0xe9: 'e'}))
class Table:
    def __getitem__(self, k):
        if k == ord('x'):
            raise LookupError
        return k + 1
print('abcx'.translate(Table()))
print('abc'.translate(['A', 'B', 'C'] * 40))
for f in (lambda: str.maketrans(1), lambda: str.maketrans('ab', 'c'), lambda: str.maketrans({'ab': 1}),
          lambda: str.maketrans({1.5: 1}), lambda: 'a'.translate({97: 1.5}), lambda: 'a'.translate({97: -1}),
          lambda: 'a'.translate({97: 0x110000})):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
