# strftime: directives in the C locale, range checks, defaults.
import time

t = (2024, 3, 9, 7, 5, 3, 5, 69, 0)
for fmt in ["%Y-%m-%d %H:%M:%S", "%a %A %b %B", "%j %U %W %w %u", "%y %C %e %I %p", "%%", "%D %T %R", "%c", "%x %X",
            "plain", "", "%G-W%V-%u", "%s" if False else "%n%t|", "%Ez", "caf\u00e9 %Y"]:
    print(repr(fmt), repr(time.strftime(fmt, t)))
print(time.strftime("%Y %m %d", (2000, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime("%Y", (-5, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime("%Y", (12345, 1, 1, 0, 0, 0, 0, 1, 0)))
print(len(time.strftime("%Y")) == 4)
print(time.strftime("%H:%M", time.gmtime(3600 * 5 + 60 * 7)))
for bad in [(2000, 13, 1, 0, 0, 0, 0, 1, 0), (2000, 1, 32, 0, 0, 0, 0, 1, 0), (2000, 1, 1, 24, 0, 0, 0, 1, 0),
            (2000, 1, 1, 0, 60, 0, 0, 1, 0), (2000, 1, 1, 0, 0, 62, 0, 1, 0), (2000, 1, 1, 0, 0, 0, 0, 367, 0), (1, 2, 3)]:
    try:
        time.strftime("%Y", bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for bad in [5, "a\0b"]:
    try:
        time.strftime(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
