# str.format_map with dicts, dict subclasses with __missing__, and arbitrary mappings.
print('{a} and {b}'.format_map({'a': 1, 'b': [2]}))
class Default(dict):
    def __missing__(self, key):
        return '<' + key + '>'
print('{name} is {unknown}'.format_map(Default(name='x')))
class M:
    def __getitem__(self, k):
        return k.upper()
print('{hello} {world!r} {x:>4}'.format_map(M()))
print('{a.real}'.format_map({'a': 5}), '{a[0]}'.format_map({'a': 'seq'}))
for fmt in ('{0}', '{}', '{missing}'):
    try:
        fmt.format_map({'a': 1})
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    'x'.format_map()
except TypeError:
    print('TypeError')
print('plain'.format_map(None))
