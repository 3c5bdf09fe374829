# The C datetime types pickle to CPython's exact bytes (every protocol) and back; copy and deepcopy.
import copy
import datetime as D
import pickle

objs = [D.timedelta(1, 2, 3), D.timedelta.min, D.date(2020, 2, 29), D.time(1, 2, 3, 4), D.time(23, 59, fold=1),
        D.time(1, tzinfo=D.timezone.utc), D.datetime(2020, 1, 2, 3, 4, 5, 6), D.datetime(2020, 10, 25, 2, 30, fold=1),
        D.datetime(1, 1, 1, tzinfo=D.timezone(D.timedelta(hours=-5), "EST")), D.timezone.utc,
        D.timezone(D.timedelta(minutes=90)), D.timezone(D.timedelta(hours=1), "CET"), D.date(2020, 1, 1).isocalendar(),
        D.timezone.min, D.datetime.max]
for o in objs:
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        data = pickle.dumps(o, proto)
        back = pickle.loads(data)
        print(proto, data, back == o, type(back).__name__, getattr(back, "fold", None))
    c, dc = copy.copy(o), copy.deepcopy(o)
    print(repr(c), c == o, dc == o, type(dc).__name__)
print(pickle.loads(pickle.dumps([objs[6]] * 3, 2)))
