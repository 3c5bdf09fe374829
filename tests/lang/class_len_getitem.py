class Squares:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i < 0:
            i += self.n
        if i < 0 or i >= self.n:
            raise IndexError("Squares index out of range")
        return i * i


s = Squares(5)
print(len(s), s[0], s[3], s[-1])
print(list(s))
for v in s:
    print("item", v)
print(9 in s, 10 in s)
print(bool(Squares(0)), bool(s))
try:
    s[7]
except IndexError as e:
    print("IndexError:", e)


class Table:
    def __init__(self):
        self.data = {}

    def __getitem__(self, key):
        return self.data.get(key, "missing")


t = Table()
t.data["a"] = 1
print(t["a"], t["b"])
