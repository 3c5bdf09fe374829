# bytearray slice assignment and deletion, including extended slices, growth and shrinking.
ba = bytearray(b'0123456789')
ba[2:5] = b'ab'
print(ba)
ba[2:2] = b'XYZ'
print(ba)
ba[:3] = []
print(ba)
ba[-2:] = bytearray(b'__')
print(ba)
ba[1:4] = [65, 66, 67, 68, 69, 70]
print(ba)
ba[::2] = b'x' * len(ba[::2])
print(ba)
del ba[::3]
print(ba)
del ba[1:3]
print(ba)
del ba[::-2]
print(ba)
ba[:] = b'fresh'
print(ba)
ba[len(ba):] = b' tail'
print(ba)
ba[1:4] = ba
print(ba)
ba[5:1] = b'@'
print(ba)
for f in (lambda: ba.__setitem__(slice(0, 5, 2), b'xy'), lambda: ba.__setitem__(slice(0, 1), 5),
          lambda: ba.__setitem__(slice(0, 1), 'str'), lambda: ba.__setitem__(slice(0, 1), [300])):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
big = bytearray()
for i in range(1000):
    big.append(i % 256)
print(len(big), big[255], big[-1], sum(big) % 1000)
del big[10:]
print(big)
