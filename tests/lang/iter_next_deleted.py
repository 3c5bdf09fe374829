# An iterator class that deletes its own __next__ while a for loop runs it:
# TypeError, not a crash.
class BadIterator(object):
    def __iter__(self):
        return self
    def __next__(self):
        del BadIterator.__next__
        return 1
try:
    for i in BadIterator() :
        pass
except TypeError as e:
    print("TypeError", e)
