def describe(name, age, city="Nowhere"):
    print(name, "is", age, "and lives in", city)


describe("Ann", 31)
describe(age=40, name="Bob")
describe("Cy", city="Paris", age=22)
describe("Di", 5, city="Rome")


def area(width, height=2):
    return width * height


print(area(height=10, width=3), area(width=4))
print(sorted([3, 1, 2], reverse=True))
print("a", "b", sep="-", end="|\n")
