# gmtime, localtime (TZ=UTC), mktime, asctime, ctime and struct_time itself.
import os
import time

os.environ["TZ"] = "UTC"
time.tzset()
t = time.gmtime(0)
print(t)
print(type(t).__name__, len(t), t.tm_year, t.tm_wday, t.tm_yday, t.tm_zone, t.tm_gmtoff, t[0], t[-1])
print(time.gmtime(1700000000.9), time.gmtime(-1.5)[:6])
print(time.localtime(86400 * 365.25 * 30)[:6], time.localtime(0).tm_zone)
print(time.mktime(time.localtime(1234567890)), time.mktime((2000, 1, 1, 0, 0, 0, 0, 1, -1)))
print(time.asctime(time.gmtime(0)), time.asctime((2024, 2, 29, 13, 5, 9, 3, 60, 0)), time.ctime(1e9))
print(time.asctime((2000, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.__match_args__)
s = time.struct_time((2020, 5, 17, 10, 30, 0, 6, 138, 0))
print(s, s.tm_zone, s.tm_gmtoff)
s = time.struct_time((2020, 5, 17, 10, 30, 0, 6, 138, 0, "XYZ", 3600))
print(s.tm_zone, s.tm_gmtoff, len(s), s[:3], s.__reduce__())
print(time.gmtime(0) == (1970, 1, 1, 0, 0, 0, 3, 1, 0), hash(time.gmtime(0)) == hash(tuple(time.gmtime(0))))
print(time.gmtime() >= time.gmtime(0), time.localtime(None)[0] >= 2024)
for call in [lambda: time.gmtime("x"), lambda: time.gmtime(float("nan")), lambda: time.gmtime(1e30),
             lambda: time.mktime(5), lambda: time.mktime((1, 2, 3)), lambda: time.asctime((2000, 13, 1, 0, 0, 0, 0, 1, 0)),
             lambda: time.asctime(5), lambda: time.struct_time((1, 2)), lambda: time.struct_time(5),
             lambda: time.gmtime(2 ** 62)]:
    try:
        call()
    except (TypeError, ValueError, OverflowError, OSError) as e:
        print(type(e).__name__, e)
