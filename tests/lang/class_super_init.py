class Base:
    def __init__(self, name):
        print("Base.__init__", name)
        self.name = name

    def describe(self):
        return "Base(" + self.name + ")"


class Derived(Base):
    def __init__(self, name, extra):
        print("Derived.__init__ before super")
        super().__init__(name)
        self.extra = extra

    def describe(self):
        return "Derived:" + super().describe() + "+" + str(self.extra)


class MoreDerived(Derived):
    def __init__(self):
        super().__init__("auto", 42)


d = Derived("d", [1])
print(d.name, d.extra, d.describe())
m = MoreDerived()
print(m.describe())
