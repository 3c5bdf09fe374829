class Money:
    def __init__(self, cents):
        self.cents = cents

    def __str__(self):
        c = self.cents % 100
        return "$" + str(self.cents // 100) + "." + ("0" if c < 10 else "") + str(c)

    def __repr__(self):
        return "Money(" + repr(self.cents) + ")"


class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"


m = Money(1234)
print(m)
print(str(m), repr(m))
print([m, Money(5)])
print({"price": m})
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
print(f"{m} and {m!r}")
print("{}".format(m))
