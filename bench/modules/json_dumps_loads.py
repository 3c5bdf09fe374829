"""json: dumps and loads of nested records.

usage: json_dumps_loads.py [ROUNDS]
"""
# bench-size: default=300 quick=20
import json
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
records = [{"id": i, "name": "item %d" % i, "price": i * 1.25, "tags": ["t%d" % (i % 7), "x"],
            "ok": i % 3 == 0, "nested": {"a": [i, i + 1, None], "b": "é%d" % i}} for i in range(500)]
total = 0
for r in range(n):
    s = json.dumps(records, sort_keys=(r % 2 == 0))
    back = json.loads(s)
    total += len(s) + back[r % 500]["id"]
print("checksum", total)
