# itertools types can be subclassed; reprs use the subclass name.
import itertools

class MyCount(itertools.count):
    pass
class MyRepeat(itertools.repeat):
    pass
print(MyCount(3), list(itertools.islice(MyCount(3, 3), 3)), MyRepeat('a', 2), list(MyRepeat('a', 2)))
class MyChain(itertools.chain):
    def __init__(self, *a, **k):
        self.extra = k
c = MyChain([1], [2], tag='x')
print(list(c), c.extra)
class Pairs(itertools.pairwise):
    def __next__(self):
        a, b = super().__next__()
        return a + b
print(list(Pairs([1, 2, 4, 8])))
print(type(itertools.groupby('a')).__name__, itertools.chain.__name__, itertools.count.__module__)
