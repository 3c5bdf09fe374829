# json.loads through _json.make_scanner and scanstring: values, hooks, error messages and positions.
# gcstress-every: 5
import json, collections
from json import decoder as jdec, scanner as jscan
import _json

def show(f):
    try:
        print('ok', ascii(f()))
    except json.JSONDecodeError as e:
        print('JSONDecodeError', e)
    except Exception as e:
        print(type(e).__name__, e)

print(jscan.make_scanner is _json.make_scanner, jdec.scanstring is _json.scanstring)
doc = '''{"name": "Taipan", "n": [1, -2, 3.25, -0.0, 1e16, 1E-7, 123456789012345678901234567890, -0, 0.5e+2],
 "ok": true, "no": false, "nil": null, "nested": {"a": [[], {}, [{}]], "b": [1, "x"]},
 "u": "\\u00e9\\u20ac\\ud83d\\ude00\\n\\t\\"\\\\\\/\\b\\f\\r", "raw": "é€😀", "k": 1, "k": 2}'''
r = json.loads(doc)
print(ascii(r))
print(json.loads(' [1 , 2 ,3 ] '), json.loads('\n{\n}\n'), json.loads('"x"'), json.loads('-1.5E3'))
print(json.loads('[NaN, Infinity, -Infinity]'))

# hooks and parse functions
print(json.loads('{"a": 1, "b": [2.5, 3]}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": {"c": 2}, "a": 3}', object_pairs_hook=list))
print(json.loads('{"a": 1}', object_pairs_hook=collections.OrderedDict, object_hook=dict))
print(json.loads('[1.10, 2, 3e2]', parse_float=lambda s: ('F', s), parse_int=lambda s: 'int:' + s))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: 'const:' + s))
show(lambda: json.loads('[NaN]', parse_constant=lambda s: 1 / 0))
show(lambda: json.loads('{"a": 1}', object_hook=lambda d: d['zz']))
print(json.loads('{}', object_pairs_hook=tuple), json.loads('{}', object_hook=len))

# repeated keys share one str object (the memo)
r = json.loads('[{"key": 1}, {"key": 2}]')
print(list(r[0])[0] is list(r[1])[0])

# strict
show(lambda: json.loads('"a\tb"'))
print(ascii(json.loads('"a\tb\x00"', strict=False)))

# error messages and positions
bad = ['', ' ', '[', '{', '{"a"', '{"a":', '{"a" 1}', '{"a":1,}', '{"a":1 "b":2}', '[1,]', '[1 2]', '[,1]',
       '"abc', '"\\', '"\\x"', '"\\u12"', '"\\u12"xx', '"\\u12g4"', '"\\ud800\\u12"', '"\\ud800\\uZZZZ"',
       'tru', 'nul', 'fals', 'NaNa', '-', '-x', '01', '1.', '1.e5', '.5', '1e', '[1e]', '1 2', '{1:2}',
       '{"a":1}}', '[1]]', 'é', '["é", x]', '"é\\u00"', '\n\n  [1,\n  x]', '["\x01"]', '{"\\ud83d\\ude00": z}',
       '[' * 5 + ']' * 4]
for s in bad:
    show(lambda: json.loads(s))

# scanstring directly
print(_json.scanstring('"abc"', 1), _json.scanstring('x"a\\nb"yz', 2), _json.scanstring('"é€" ', 1))
print(_json.scanstring('"\\ud83d\\ude00"', 1), _json.scanstring('"\\ud83d"', 1), _json.scanstring('"a\x01"', 1, False))
show(lambda: _json.scanstring('"abc"', 10))
show(lambda: _json.scanstring('"abc"', -1))
show(lambda: _json.scanstring('"abc"', 5))
show(lambda: _json.scanstring(b'"abc"', 1))
show(lambda: _json.scanstring('"abc"'))
show(lambda: _json.scanstring('"abc"', 1, True, 4))
show(lambda: _json.scanstring('"a\x01"', 1))
show(lambda: _json.scanstring('"a\x01"', 1, True))

# the scanner directly
ctx = json.JSONDecoder()
sc = _json.make_scanner(ctx)
print(sc('[1, 2] tail', 0), sc('xx{"a": 1}', 2), sc(' "é" 5', 5), sc.strict, sc.parse_float is float,
      sc.object_hook, sc.parse_constant('NaN'))
show(lambda: sc('[1]', 3))
show(lambda: sc('[1]', 10))
show(lambda: sc('[1]', -1))
show(lambda: sc('x', 0))
show(lambda: sc(b'[1]', 0))
show(lambda: sc('[1]'))
show(lambda: sc(string='[7]', idx=0))
show(lambda: _json.make_scanner())
show(lambda: _json.make_scanner(object()))
class Ctx:
    strict = False
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = str
print(_json.make_scanner(Ctx())('["a\tb", NaN]', 0))

# raw_decode
print(json.JSONDecoder().raw_decode('{"a": [1]} rest'), json.JSONDecoder().raw_decode('  7', 2))

# deep nesting raises RecursionError, not a crash
show(lambda: json.loads('[' * 100000 + ']' * 100000))
show(lambda: json.loads('{"a":' * 100000 + '1' + '}' * 100000))
