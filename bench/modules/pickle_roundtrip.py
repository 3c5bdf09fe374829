"""pickle: dumps and loads of objects, lists, dicts and tuples at protocols 2 and 5.

usage: pickle_roundtrip.py [ROUNDS]
"""
# bench-size: default=400 quick=20
import pickle
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
data = {"points": [Point(i, -i) for i in range(300)], "names": ["n%d" % i for i in range(300)],
        "pairs": [(i, str(i), i * 0.5) for i in range(300)], "blob": bytes(range(256)) * 4}
total = 0
for r in range(n):
    s = pickle.dumps(data, protocol=2 if r % 2 else 5)
    back = pickle.loads(s)
    total += len(s) + back["points"][r % 300].x + len(back["pairs"])
print("checksum", total)
