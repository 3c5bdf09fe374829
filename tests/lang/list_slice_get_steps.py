# Reading slices of lists with every kind of bound and step.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[:], a[-3:], a[:-7])
print(a[::2], a[1::2], a[::-1], a[::-3], a[8:2:-2], a[2:8:-1])
print(a[100:], a[-100:2], a[5:100:3], a[-1:-11:-1], a[-1:-12:-4])
print(a[3:3], a[5:2], a[::100], a[::-100])
print(a[2**70:], a[:2**70], a[-2**70:3], a[::2**70])
b = a[::]
print(b == a, b is a)
try:
    a[::0]
except ValueError as e:
    print("ValueError", e)
try:
    a["a":]
except TypeError as e:
    print("TypeError", e)
class Idx:
    def __index__(self):
        return 4
print(a[Idx()], a[Idx():], a[:Idx()], a[::Idx()])
print(a[slice(1, 9, 3)], a[slice(None, None, -2)])
# Steps as large as sys.maxsize (the index past the last one is never formed).
import sys
big = sys.maxsize
l = [1, 2, 3, 4]
print(l[::big], l[1::big], l[::-big], l[-1::-big], tuple(l)[::big], tuple(l)[2::-big])
l[::big] = [9]
l[1::big] = [8]
print(l)
