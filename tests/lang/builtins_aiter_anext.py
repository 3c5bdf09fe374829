# aiter() and anext(): async iterators driven by hand, anext's default, and the TypeErrors.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i * 10

class AwaitNext:
    """An async iterator whose __anext__ returns an object with __await__, not a coroutine."""
    def __init__(self):
        self.done = False
    def __aiter__(self):
        return self
    def __anext__(self):
        return Step(self)

class Step:
    def __init__(self, owner):
        self.owner = owner
    def __await__(self):
        if self.owner.done:
            raise StopAsyncIteration
        self.owner.done = True
        return 'stepped'
        yield

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return getattr(e, 'value', None)

async def main():
    it = aiter(Counter(2))
    print(it is aiter(it), await anext(it), await anext(it))
    print(await anext(it, 'default'), await anext(it, None))
    try:
        await anext(it)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    total = []
    async for x in aiter(Counter(3)):
        total.append(x)
    print(total)
    a = AwaitNext()
    print(await anext(a, 'dflt'), await anext(a, 'dflt'))
    return 'finished'

print(run(main()))
show("aiter int", lambda: aiter(1))
show("aiter list", lambda: aiter([]))
show("anext int", lambda: anext(1))
show("anext list iter", lambda: anext(iter([])))
show("anext none", lambda: anext())
show("anext three", lambda: anext(1, 2, 3))
show("aiter two", lambda: aiter(1, 2))
show("aiter kw", lambda: aiter(x=1))
class BadAiter:
    def __aiter__(self):
        return 42
show("aiter bad", lambda: aiter(BadAiter()))
aw = anext(Counter(0), 'empty')
print(type(aw).__name__)
show("step", lambda: aw.__await__().__next__())
aw2 = anext(Counter(1), 'empty')
show("send", lambda: aw2.send(None))
aw3 = anext(Counter(0), 7)
show("send default", lambda: aw3.send(None))
