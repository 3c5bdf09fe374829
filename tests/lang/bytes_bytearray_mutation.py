# bytearray mutation: append/extend/insert/pop/remove/clear/reverse/copy, item assignment, +=, *=.
ba = bytearray(b'abc')
ba.append(100)
ba.extend(b'ef')
ba.extend([103, 104])
ba.extend(x for x in (105,))
ba.insert(0, 48)
ba.insert(-1, 49)
ba.insert(100, 50)
print(ba, len(ba))
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord('c'))
print(ba)
ba[0] = 65
ba[-1] = 90
print(ba)
del ba[1]
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
c.clear()
print(c, ba)
ba += b'!!'
ba += bytearray(b'?')
print(ba)
ba *= 2
print(ba)
x = bytearray(b'xy')
x.extend(x)
print(x)
for f in (lambda: ba.append(256), lambda: ba.insert(0, -1), lambda: ba.remove(300), lambda: ba.remove(1),
          lambda: bytearray().pop(), lambda: ba.pop(100), lambda: ba.__setitem__(0, 256)):
    try:
        f()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
for f in (lambda: ba.append('a'), lambda: ba.extend(5), lambda: ba.extend([1, 'a']), lambda: ba.extend('ab'),
          lambda: hash(ba), lambda: ba.insert(1.5, 1)):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
try:
    ba[100] = 1
except IndexError as e:
    print('IndexError', e)
