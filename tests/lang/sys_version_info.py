# sys.version_info is a struct sequence: named fields and a tuple at once.
import sys
vi = sys.version_info
print(vi)
print(vi.major, vi.minor, vi.micro, vi.releaselevel, vi.serial)
print(vi[:2], vi[0], len(vi), tuple(vi))
print(vi >= (3, 8), vi < (3, 12), vi == (3, 11, 2, "final", 0))
print(type(vi).__name__, isinstance(vi, tuple))
major, minor, *rest = vi
print(major, minor, rest)
print("%d.%d" % vi[:2])
try:
    vi.major = 4
except AttributeError as e:
    print("AttributeError", e)
import sys; print(sys.implementation.version)
