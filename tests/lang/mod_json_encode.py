# json.dumps through _json.make_encoder and encode_basestring(_ascii): options, types, errors.
# gcstress-every: 5
import json, enum, collections
from json import encoder as jenc
import _json

def show(f):
    try:
        print('ok', ascii(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(jenc.c_make_encoder is _json.make_encoder, jenc.encode_basestring_ascii is _json.encode_basestring_ascii)
doc = {'name': 'Taipan', 'n': [1, -2, 3.25, -0.0, 1e16, 1e-7, 123456789.125, 2**70, -2**64], 'ok': True,
       'no': False, 'nil': None, 'nested': {'a': [[], {}, [{}], ()], 'b': (1, 'x')}, 'u': 'é\u20ac\U0001f600\n\t"\\'}
print(json.dumps(doc))
print(json.dumps(doc, ensure_ascii=False))
print(json.dumps(doc, sort_keys=True, separators=(',', ':')))
print(json.dumps(doc, indent=2, sort_keys=True)[:120])
print(json.dumps([0.1, 0.2 + 0.1, 1/3, 5e-324, 1.7976931348623157e308, 100.0, 1e22, 9007199254740993.0]))
print(json.dumps([float('inf'), float('-inf'), float('nan')]))
show(lambda: json.dumps([float('nan')], allow_nan=False))
show(lambda: json.dumps({float('inf'): 1}, allow_nan=False))
print(json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd', False: 'e', -3: 'f', float('inf'): 'g'}))
show(lambda: json.dumps({(1, 2): 'x'}))
print(json.dumps({(1, 2): 'x', 'y': 1, b'z': 2, 'w': 3}, skipkeys=True))
print(json.dumps({(1, 2): 'x', 'y': 1}, skipkeys=True, sort_keys=False))
show(lambda: json.dumps({1: 'a', 'b': 2}, sort_keys=True))
show(lambda: json.dumps(object()))
show(lambda: json.dumps({'k': {1, 2}}))
print(json.dumps({'s': {3, 1, 2}}, default=sorted))
print(json.dumps([1j], default=lambda z: [z.real, z.imag]))

# circular references
a = []; a.append(a)
show(lambda: json.dumps(a))
d = {}; d['d'] = d
show(lambda: json.dumps(d))
class Node: pass
show(lambda: json.dumps(Node(), default=lambda o: o))
show(lambda: json.dumps(a, check_circular=False))

# subclasses and enums
class MyInt(int):
    def __repr__(self): return 'MyInt!'
class MyFloat(float):
    def __repr__(self): return 'MyFloat!'
class MyStr(str): pass
class MyList(list): pass
class MyDict(dict):
    def items(self): return [('z', 1), ('a', 2)]
class Color(enum.IntEnum):
    RED = 1
class F(float, enum.Enum):
    X = 1.5
print(json.dumps([MyInt(5), MyFloat(2.5), MyStr('s'), MyList([1]), (2,), Color.RED, F.X, True]))
print(json.dumps(MyDict(q=1)), json.dumps(MyDict(q=1), sort_keys=True))
print(json.dumps(collections.OrderedDict([('b', 1), ('a', 2)])))
print(json.dumps({Color.RED: 1, MyStr('k'): 2}))

# empty containers and scalars
print(json.dumps([]), json.dumps({}), json.dumps(()), json.dumps(''), json.dumps(0), json.dumps(-0.0), json.dumps(None))
print(json.dumps('\x00\x1f\x7f\x80\ud800\udfff'), json.dumps('\x00\x1f\x7f\x80\ud800', ensure_ascii=False).encode('utf-8', 'surrogatepass'))

# encode_basestring(_ascii) directly
print(_json.encode_basestring_ascii('a"b\\c\u00e9\U00010000'), _json.encode_basestring('a"b\\c\u00e9\x01'))
show(lambda: _json.encode_basestring_ascii(b'x'))
show(lambda: _json.encode_basestring(1))
show(lambda: _json.encode_basestring())

# make_encoder directly
def dflt(o): return repr(o)
enc = _json.make_encoder({}, dflt, _json.encode_basestring_ascii, None, ': ', ', ', False, False, True)
print(enc({'a': [object.__name__, 1]}, 0), enc(set(), 0), type(enc).__name__)
print(enc.key_separator, enc.item_separator, enc.sort_keys, enc.skipkeys, enc.indent, enc.markers)
enc2 = _json.make_encoder(None, dflt, lambda s: '<' + s + '>', None, '=', ';', True, True, False)
show(lambda: enc2({'b': 'x', 'a': ['y', 1.5], 3: 'z'}, 0))
print(enc2({'b': 'x', 'a': ['y', 1.5]}, 0))
enc4 = _json.make_encoder(None, dflt, _json.encode_basestring, None, '=', ';', False, True, False)
print(enc4({(3,): 'z', 'b': 'x', 4: 'q'}, 0))
enc3 = _json.make_encoder(None, dflt, lambda s: 5, None, '=', ';', True, True, False)
show(lambda: enc3(['x'], 0))
show(lambda: _json.make_encoder([], dflt, None, None, ':', ',', 0, 0, 0))
show(lambda: _json.make_encoder(None, dflt, None, None, 1, ',', 0, 0, 0))
show(lambda: _json.make_encoder(None, dflt, None, None, ':', ','))
show(lambda: enc())
show(lambda: enc(1, 'x'))
show(lambda: enc(1, _current_indent_level=0))

# a custom JSONEncoder
class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return {'re': o.real, 'im': o.imag}
        return super().default(o)
print(E().encode([1 + 2j, {'k': 3j}]), E(separators=(',', ':')).encode({'x': [1, 2]}))
print(json.JSONEncoder(sort_keys=True).encode({'b': 1, 'a': {'d': 1, 'c': 2}}))

# deep nesting raises RecursionError
deep = []
for i in range(3000):
    deep = [deep]
show(lambda: len(json.dumps(deep)))

# dict subclasses whose items() misbehave
class BadItems(dict):
    def items(self): return 5
class BadPairs(dict):
    def items(self): return iter([('a', 1, 2)])
class GenItems(dict):
    def items(self): return (kv for kv in [('b', 2), ('a', 1)])
show(lambda: json.dumps(BadItems(a=1)))
show(lambda: json.dumps(BadPairs(a=1)))
print(json.dumps(GenItems(x=1)), json.dumps(GenItems(x=1), sort_keys=True))
kept = [('b', 2), ('a', 1)]
class ListItems(dict):
    def items(self): return kept
print(json.dumps(ListItems(x=1), sort_keys=True), kept)
print(json.dumps([1e400, -1e400, 1e308 * 10 - 1e308 * 10]), json.loads('[1e400, -1e999, 1E+2, 0.000e-3]'))
