"""datetime: construction, arithmetic with timedelta, comparison, strftime and isoformat.

usage: datetime_ops.py [N]
"""
# bench-size: default=60000 quick=3000
import sys
from datetime import date, datetime, timedelta

n = int(sys.argv[1]) if len(sys.argv) > 1 else 60000
start = datetime(2020, 1, 1, 8, 30)
step = timedelta(hours=5, minutes=17, seconds=3)
total = 0
t = start
for i in range(n):
    t = t + step
    d = t.date()
    if d.weekday() == 4:
        total += 1
    if i % 10 == 0:
        total += len(t.isoformat()) + len(t.strftime("%Y/%m/%d %H:%M"))
    total += (t - start).days % 7
    if date(2020 + i % 5, 1 + i % 12, 1 + i % 28) < d:
        total += 2
print("checksum", total, t.isoformat())
