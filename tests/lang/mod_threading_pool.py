# concurrent.futures.ThreadPoolExecutor: map, submit, exceptions, as_completed, wait, shutdown.
# gcstress-every: 20
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_EXCEPTION
import threading

def square(x):
    return x * x

with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(10))))
    futs = [ex.submit(square, i) for i in range(10)]
    print(sorted(f.result() for f in as_completed(futs)))
    names = set(ex.map(lambda _: threading.current_thread().name.split("_")[0], range(20)))
    print(sorted(names))

def boom(x):
    if x == 3:
        raise ValueError("bad %d" % x)
    return x

with ThreadPoolExecutor(2) as ex:
    fs = [ex.submit(boom, i) for i in range(5)]
    done, pending = wait(fs)
    print(len(done), len(pending))
    for f in fs:
        e = f.exception()
        print(f.result() if e is None else repr(e))
    try:
        list(ex.map(boom, range(5)))
    except ValueError as e:
        print("map raised", e)

ex = ThreadPoolExecutor(max_workers=2, thread_name_prefix="pfx")
f = ex.submit(lambda: threading.current_thread().name.startswith("pfx"))
print(f.result())
ex.shutdown(wait=True)
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError", e)

# Results computed in parallel by a chain of futures.
with ThreadPoolExecutor(3) as ex:
    total = sum(ex.submit(sum, range(i * 100, (i + 1) * 100)).result() for i in range(10))
print(total == sum(range(1000)))
