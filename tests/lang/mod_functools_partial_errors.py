# _functools directly: partial state protocol, _lru_cache_wrapper arguments, cmp_to_key errors.
from _functools import partial, _lru_cache_wrapper, cmp_to_key, reduce

p = partial(print, 1, sep='-')
st = p.__reduce__()
print(st[0].__name__, st[2][1:], st[2][3])
q = partial(len)
q.__setstate__((max, (1, 2), {'key': abs}, None))
print(q.func is max, q.args, q.keywords, q(-5))
for bad in [lambda: q.__setstate__((1,)), lambda: _lru_cache_wrapper(1, 1, 1, 1), lambda: _lru_cache_wrapper(len, 'a', 1, 1),
            lambda: _lru_cache_wrapper(len), lambda: cmp_to_key(), lambda: cmp_to_key(len, x=1), lambda: reduce(len, [], 1, 2)]:
    try:
        bad()
    except TypeError as e:
        print(e)
w = _lru_cache_wrapper(lambda x: x * 3, 2, False, lambda *a: a)
print(w(2), w(2), w.cache_info(), type(w).__name__)
