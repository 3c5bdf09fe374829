class Animal:
    def __init__(self, name):
        self.name = name

    def sound(self):
        return "..."

    def speak(self):
        return self.name + " says " + self.sound()


class Cat(Animal):
    def sound(self):
        return "meow"


class Lion(Cat):
    def sound(self):
        return Cat.sound(self).upper() + "!"


class Fish(Animal):
    pass


for a in [Animal("thing"), Cat("Tom"), Lion("Leo"), Fish("Nemo")]:
    print(a.speak())
print(issubclass(Lion, Animal), issubclass(Animal, Cat))
print(isinstance(Lion("x"), Cat), isinstance(Cat("y"), Lion))
