# A coroutine that is never awaited gives a RuntimeWarning when it is collected,
# once per line under the default filters; one closed or run does not.
import gc

async def work(n):
    return n * 2

def forget():
    work(1)

forget()
gc.collect()
for i in range(3):
    work(i)
gc.collect()

c = work(5)
c.close()
del c
gc.collect()

c = work(6)
try:
    c.send(None)
except StopIteration as e:
    print("ran", e.value)
del c
gc.collect()
print("done")
