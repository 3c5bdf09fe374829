# sys.set_asyncgen_hooks: firstiter is called at the first __anext__/asend/athrow/aclose,
# the finalizer is what an event loop installs for generators left unfinished.
import sys

calls = []
def firstiter(g):
    calls.append(("firstiter", g.__name__))
def finalizer(g):
    calls.append(("finalizer", g.__name__))

print(sys.get_asyncgen_hooks())
old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
hooks = sys.get_asyncgen_hooks()
print(hooks.firstiter is firstiter, hooks.finalizer is finalizer, hooks[0] is firstiter)

async def agen():
    yield 1
    yield 2

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def main():
    g = agen()
    print("before first use:", calls)
    print(await g.__anext__())
    print(await g.__anext__())
    g2 = agen()
    g2.asend(None)                  # creating the awaitable is a first use
    print(calls)

run(main())
sys.set_asyncgen_hooks(*old)
print(sys.get_asyncgen_hooks())
for bad in ({"firstiter": 1}, {"finalizer": "x"}):
    try:
        sys.set_asyncgen_hooks(**bad)
    except TypeError as e:
        print(e)
