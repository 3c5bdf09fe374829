x = 1
def f(a, b=2, *args, c, d=3, **kw) -> int:
    return a + b * c
class A(B, metaclass=M):
    pass
for i in range(10):
    if i % 2 == 0 and not i:
        print(i, end="")
    elif i:
        continue
    else:
        break
y = [i for i in x if i] + {a: b for a, b in c} 
z = lambda x, *y: x ** -y
with open(f) as g, h:
    del g[1:2, ::3], h.x
try:
    pass
except (A, B) as e:
    raise X from e
finally:
    x += 1
s = 'abc' "def" f"x{y!r:>{w}}z" 
b = b'\x00ab' rb'\d'
n = 0x1F + 1_000 + 1.5e3 + 2j + 0o17 + 0b101
