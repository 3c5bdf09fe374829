# Ranges with bounds beyond 64 bits.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
big = range(10**20)
print(big, big[5], big[-1], big[10**19], big[::2], big[10**19:10**19 + 3])
show(lambda: len(big))
print(big.__len__ if False else "skip", bool(big), 10**19 in big, -1 in big, 10**20 in big)
print(big.index(12345678901234567890), big.count(10**20 - 1))
r = range(2**63 - 3, 2**63 + 3)
print(list(r), len(r), r[2], 2**63 in r)
s = range(-2**64, -2**64 + 10, 3)
print(list(s), s[-1], list(reversed(s)))
t = range(2**62 - 2, 2**62 + 2)
print(list(t), list(reversed(t)))
u = range(0, 2**70, 2**68)
print(list(u), len(u), u[1:3])
show(lambda: big[10**20])
print(range(10**20, 0, -10**19)[3], list(range(10**20, 0, -3 * 10**19)))
print(sum(range(2**62 - 5, 2**62 + 5)))
