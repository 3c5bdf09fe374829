class Box:
    pass


b = Box()
b.width = 3
b.height = 4
print(b.width * b.height)
b.width = 10
print(b.width)
b.label = "crate"
print(b.label)
del b.label
try:
    print(b.label)
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(b.colour)
except AttributeError as e:
    print("AttributeError:", e)
Box.default_colour = "brown"
print(b.default_colour)


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


n = Node(1)
n.next = Node(2)
n.next.next = Node(3)
print(n.next.next.value, n.next.next.next)

# A missing class attribute is reported with the class's __name__, not its qualified name.
def make_local():
    class Local:
        pass
    return Local
L = make_local()
for action in [lambda: L.missing, lambda: delattr(L, "missing")]:
    try:
        action()
    except AttributeError as e:
        print(e)
