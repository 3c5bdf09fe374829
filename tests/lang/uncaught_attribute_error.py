class Person:
    def __init__(self, name):
        self.name = name


p = Person("ann")
print(p.name)
print(p.nmae)
