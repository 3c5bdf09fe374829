# Struct sequences (os.terminal_size, time.struct_time, os.stat_result): the tuple part, the names, construction.
import os
import time

ts = os.terminal_size((80, 24))
print(ts, repr(ts), str(ts))
print(ts.columns, ts.lines, ts[0], ts[-1], len(ts), list(ts), ts[::-1], 80 in ts, ts.index(24), ts.count(80))
print(isinstance(ts, tuple), type(ts).__mro__[1:], type(ts).__name__, type(ts).__qualname__, type(ts).__module__)
c, l = ts
print(c, l, ts == (80, 24), ts != (80, 25), ts < (81, 0), ts + (1,), ts * 2, tuple(ts))
print(hash(ts) == hash((80, 24)), {ts: 1}[(80, 24)])
print(os.terminal_size(range(2)), os.terminal_size([1, 2]), os.terminal_size(sequence=(3, 4)))
print(ts.__reduce__())
match ts:
    case os.terminal_size(columns=cols, lines=rows):
        print("matched", cols, rows)
match time.gmtime(0):
    case time.struct_time(tm_year=y, tm_mon=m):
        print("matched", y, m)
    case _:
        print("no match")
for bad in [lambda: os.terminal_size((1, 2, 3)), lambda: os.terminal_size((1,)), lambda: os.terminal_size(5),
            lambda: os.terminal_size(), lambda: os.terminal_size((1, 2), None), lambda: os.terminal_size((1, 2), x=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
for bad in [lambda: setattr(ts, "columns", 1), lambda: delattr(ts, "lines"), lambda: setattr(ts, "other", 1)]:
    try:
        bad()
    except AttributeError as e:
        print("AttributeError", e)
try:
    class Sub(os.terminal_size):
        pass
except TypeError as e:
    print("TypeError", e)
print(os.terminal_size.n_fields, os.terminal_size.n_sequence_fields, os.terminal_size.n_unnamed_fields)
print(type(os.terminal_size.columns).__name__, os.terminal_size.__doc__)
print(os.uname_result.__match_args__, os.times_result.__match_args__)
u = os.uname()
print(u == tuple(u), len(set(u)) >= 1, sorted(u._asdict()) if hasattr(u, "_asdict") else "no _asdict")
t = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 8))
print(t[:3], t[3:6], max(t), sorted(t)[:3], t.index(5))
