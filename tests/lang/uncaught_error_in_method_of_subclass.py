class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")

    def describe(self):
        return type(self).__name__ + " with area " + str(self.area())


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


class Blob(Shape):
    pass


print(Square(3).describe())
print(Blob().describe())
