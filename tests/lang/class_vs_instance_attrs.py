class Dog:
    kind = "canine"
    tricks = []

    def __init__(self, name):
        self.name = name

    def add_trick(self, t):
        self.tricks.append(t)


a = Dog("Rex")
b = Dog("Fido")
print(a.kind, b.kind, Dog.kind)
a.kind = "wolf"
print(a.kind, b.kind, Dog.kind)
Dog.kind = "dog"
print(a.kind, b.kind)
a.add_trick("roll")
b.add_trick("sit")
print(a.tricks, b.tricks, Dog.tricks is a.tricks)
del a.kind
print(a.kind)
print("name" in a.__dict__, "kind" in a.__dict__)
