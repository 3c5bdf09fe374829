# gcstress-every: 100
# pprint: pformat/pprint of nested containers, collections types,
# dataclasses, widths, depth, compact, sort_dicts, underscore_numbers, and
# recursion (ids masked).
import pprint, collections, dataclasses, types, re
data = {'b': [1, 2, {'x': (1, 2, 3) * 10}], 'a': 'hello ' * 20, 'c': set(range(30)), 'd': frozenset({3, 1, 2}),
        'e': b'bytes' * 30, 'f': bytearray(b'ab' * 40), 'g': collections.OrderedDict(a=1, b=2),
        'h': collections.defaultdict(list, {'k': [1] * 40}), 'i': collections.Counter('abracadabra'),
        'j': collections.deque(range(40)), 'k': types.SimpleNamespace(p=1, q=list(range(30))),
        'l': collections.ChainMap({'a': 1}, {'b': list(range(30))}), 'm': range(10), 'n': 3.5, 'o': None}
pprint.pprint(data)
pprint.pprint(data, width=40, compact=True)
pprint.pprint(data, depth=1, sort_dicts=False)
print(pprint.pformat(list(range(100)), width=60, indent=2))
print(pprint.isreadable(data), pprint.isrecursive(data), pprint.saferepr(data)[:80])
r = [1, 2]; r.append(r)
mask = lambda t: re.sub(r'id=\d+', 'id=N', t)
print(mask(pprint.pformat(r)))
print(mask(pprint.saferepr(r)), pprint.isrecursive(r))
@dataclasses.dataclass
class Pt:
    x: int
    y: list
pprint.pprint(Pt(1, list(range(40))), width=30)
pprint.pprint({'mapping': types.MappingProxyType({'a': 1, 'b': 'x' * 60})})
pp = pprint.PrettyPrinter(indent=4, width=20, underscore_numbers=True)
pp.pprint([10**9, 12345678, {'z': 1, 'a': 2}])
pprint.pp({'z': 1, 'a': 2})
print(pprint.pformat('a' * 200, width=50))
