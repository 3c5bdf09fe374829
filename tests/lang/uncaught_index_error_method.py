class Queue:
    def __init__(self):
        self.items = []

    def first(self):
        return self.items[0]


q = Queue()
q.items.append("a")
print(q.first())
q.items.pop()
print(q.first())
