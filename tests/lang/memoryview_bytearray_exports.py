# A bytearray with live memoryviews cannot be resized; releasing every view unlocks it.
def attempt(label, f):
    try:
        f()
        print(label, 'ok')
    except BufferError as e:
        print(label, 'BufferError:', e)

ba = bytearray(b'hello')
m = memoryview(ba)
attempt("append", lambda: ba.append(1))
attempt("extend", lambda: ba.extend(b'xy'))
attempt("iadd", lambda: ba.__iadd__(b'z'))
attempt("clear", lambda: ba.clear())
attempt("pop", lambda: ba.pop())
attempt("remove", lambda: ba.remove(ord('h')))
attempt("insert", lambda: ba.insert(0, 1))
attempt("del item", lambda: ba.__delitem__(0))
attempt("grow slice", lambda: ba.__setitem__(slice(0, 1), b'HH'))
attempt("same size slice", lambda: ba.__setitem__(slice(0, 1), b'J'))
attempt("item", lambda: ba.__setitem__(1, ord('E')))
attempt("imul", lambda: ba.__imul__(2))
print(ba, m.tobytes())
s = m[1:3]
c = m.cast('c')
m.release()
attempt("after one release", lambda: ba.append(1))
s.release()
attempt("after two", lambda: ba.append(1))
c.release()
attempt("after all", lambda: ba.append(33))
print(ba)

with memoryview(ba) as v:
    attempt("inside with", lambda: ba.append(1))
attempt("after with", lambda: ba.append(34))

# Views are released explicitly: a view that is merely dropped gives its
# export back only when the collector finds it dead (as on PyPy), not at once.
for i in range(200):
    with memoryview(ba) as base, base[1:] as v:
        pass
attempt("after loop", lambda: ba.append(35))
print(ba)

def peek(b):
    with memoryview(b) as m:
        return m[0]
print(peek(ba))
attempt("after function", lambda: ba.append(36))
print(len(ba))
