# Repeating bytes/bytearray zero or negative times, or an empty one, gives an empty result.
for b in (b"abc", bytearray(b"abc"), b"", bytearray()):
    for k in (3, 1, 0, -1, -10**20 if False else -5):
        r = b * k
        print(type(r).__name__, r, k * b == r)
ba = bytearray(b"xy")
ba *= 0
print(ba, len(ba))
ba += b"z"
ba *= 3
print(ba)
for bad in (lambda: bytearray(b"a") * 3.14, lambda: 3.14 * b"a"):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
