# Slicing with steps (positive, negative), omitted bounds and out-of-range bounds.
s = 'abcdefghij'
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[2:8:3])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:100])
print(s[::100], s[::-100])
print(s[slice(1, 9, 2)], s[slice(None, None, -3)])
u = '\u00e0\u00e9\u00ee\u00f5\u00fc\u4e00\u4e8c\u4e09\U0001f600\U0001f601'
print(u[::2], u[1::2], u[::-1], u[::-3], u[2:9], u[-4:-1], u[8:2:-2])
for start in (None, -12, -3, 0, 4, 11):
    for stop in (None, -11, -2, 0, 5, 12):
        for step in (None, 1, 2, -1, -3):
            a = s[start:stop:step]
            b = ''.join(list(s)[start:stop:step])
            c = u[start:stop:step]
            d = ''.join(list(u)[start:stop:step])
            if a != b or c != d:
                print('mismatch', start, stop, step)
print('checked')
try:
    s[::0]
except ValueError as e:
    print('ValueError', e)
print(s[1:5:1])
