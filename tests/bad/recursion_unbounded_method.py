# taipan-test: stderr-last-line
class Node:
    def __init__(self):
        self.child = self

    def size(self):
        return 1 + self.child.size()


print("start")
print(Node().size())
