# str dunders without slots and a few protocol corners: __getnewargs__, __len__, __contains__, __mod__.
s = 'abc'
print(s.__getnewargs__(), s.__len__(), s.__contains__('b'), s.__getitem__(1), s.__add__('d'), s.__mul__(2))
print(s.__eq__('abc'), s.__ne__('abc'), s.__lt__('abd'), s.__eq__(1), s.__lt__(1))
print(s.__mod__(()), '%s'.__mod__(5), s.__rmod__(1), s.__str__(), s.__repr__())
print(str.__len__('four'), str.upper('x'), str.join(',', 'ab'), str.__new__(str, 5))
print(bool(''), bool('x'), len(''), len('\U0001f600'), ord('a'), chr(97))
print(type(iter('x')).__name__ in ('str_iterator', 'str_ascii_iterator'))
class S(str):
    pass
print(S('q').__getnewargs__(), type(S('q').__getnewargs__()[0]).__name__)
print(str.maketrans('a', 'b') == {97: 98}, 'x'.maketrans({'y': 'z'}))
print(sorted(n for n in dir('') if not n.startswith('_'))[:10])
