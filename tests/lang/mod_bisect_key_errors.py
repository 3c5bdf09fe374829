# bisect with key= and its argument errors.
import bisect

recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect(recs, 3, key=lambda r: r[1]), bisect.bisect_left(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('x', 4), key=lambda r: r[1])
print(recs)
for bad in [lambda: bisect.bisect_left([1], 1, -1), lambda: bisect.bisect_left(), lambda: bisect.bisect_left([1], 1, 2, 1, x=3),
            lambda: bisect.bisect_right(5, 1), lambda: bisect.bisect_right([1], 1, 'a'), lambda: bisect.bisect_right([1], 1, hi='a'),
            lambda: bisect.bisect_right([1], 1, None), lambda: bisect.bisect_right([1], 1, 0, 5), lambda: bisect.insort_right((1, 2), 1),
            lambda: bisect.bisect_right([1], 1, 0, 1, 2), lambda: bisect.bisect_right([1], 1, 0, 1, key=None, k=1),
            lambda: bisect.bisect_right([1], 1, 2 ** 70)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(bisect.bisect_right([1], 1, 0, -5), bisect.bisect_right([1, 2], 1, 0, -1))
