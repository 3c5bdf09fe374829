class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0

    def push_front(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def reverse(self):
        prev = None
        cur = self.head
        while cur is not None:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def __len__(self):
        return self.size

    def __getitem__(self, index):
        cur = self.head
        for _ in range(index):
            if cur is None:
                break
            cur = cur.next
        if cur is None:
            raise IndexError("list index out of range")
        return cur.value

    def __str__(self):
        parts = []
        cur = self.head
        while cur:
            parts.append(str(cur.value))
            cur = cur.next
        return "[" + " -> ".join(parts) + "]"


ll = LinkedList()
for v in range(5):
    ll.push_front(v * v)
print(ll, len(ll))
ll.reverse()
print(ll, ll[2])
print(list(ll))
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
