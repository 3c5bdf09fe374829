# The TypeErrors of the number protocol, word for word.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: 1 + "a")
t(lambda: "a" + 1)
t(lambda: [1] + (2,))
t(lambda: 1 - "a")
t(lambda: None * 2)
t(lambda: 2.5 / [])
t(lambda: {} // 1)
t(lambda: 1 % None)
t(lambda: 2 ** "x")
t(lambda: "x" ** 2)
t(lambda: 1 << 2.0)
t(lambda: 1.0 >> 2)
t(lambda: 1.5 & 1)
t(lambda: 1 | 1.5)
t(lambda: 1 ^ None)
t(lambda: 1 @ 2)
t(lambda: divmod("a", 1))
t(lambda: divmod(1, "a"))
t(lambda: pow(1, 2, "a"))
t(lambda: pow("a", 2, 3))
t(lambda: -"a")
t(lambda: +[])
t(lambda: ~1.5)
t(lambda: abs("a"))
t(lambda: [1] * 1.5)
t(lambda: 2.0 * [1])
t(lambda: "ab" * "c")
t(lambda: [1] * 2 ** 100)
t(lambda: "a" * -1)
t(lambda: (1,) * True)
t(lambda: 3 * "ab")
x = "a"
try:
    x -= 1
except TypeError as e:
    print("TypeError", e)
try:
    x **= 2
except TypeError as e:
    print("TypeError", e)
y = 1
try:
    y += "b"
except TypeError as e:
    print("TypeError", e)
try:
    y @= 2
except TypeError as e:
    print("TypeError", e)
