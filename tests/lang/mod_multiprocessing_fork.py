# gcstress-every: 500
# timeout-scale: 3
# multiprocessing with the fork start method: pools,
# queues, pipes, locks, events, semaphores, shared memory, a manager.
import multiprocessing as mp
from multiprocessing import shared_memory
from concurrent.futures import ProcessPoolExecutor


def square(x):
    return x * x


def worker(q, n):
    q.put((n, sum(range(n))))


def locked(lock, sem, ev, q):
    ev.set()
    with lock, sem:
        q.put(sem.get_value())


def fail():
    raise SystemExit(3)


def child_pipe(conn):
    conn.send(conn.recv() + ['from child'])
    conn.close()


def write_shm(name):
    s = shared_memory.SharedMemory(name=name)
    s.buf[:5] = b'hello'
    s.close()


if __name__ == '__main__':
    for method in ('fork',):
        ctx = mp.get_context(method)
        with ctx.Pool(2) as pool:
            print(method, 'map', pool.map(square, range(8)))
            print(method, 'apply', pool.apply(square, (7,)))
            r = pool.apply_async(square, (9,))
            print(method, 'async', r.get(timeout=30))
        q = ctx.Queue()
        ps = [ctx.Process(target=worker, args=(q, n)) for n in (10, 20, 30)]
        for p in ps:
            p.start()
        got = sorted(q.get(timeout=30) for _ in ps)
        for p in ps:
            p.join()
        print(method, 'queue', got, [p.exitcode for p in ps])
        # (Value and Array need ctypes, which Taipan lacks: not tested.)
        lock = ctx.Lock()
        sem = ctx.Semaphore(2)
        ev = ctx.Event()
        p = ctx.Process(target=locked, args=(lock, sem, ev, q))
        with lock:
            p.start()
            print(method, 'event', ev.wait(30))
        print(method, 'lock', q.get(timeout=30))
        p.join()
        p = ctx.Process(target=fail)
        p.start()
        p.join()
        print(method, 'exitcode', p.exitcode)
        a, b = ctx.Pipe()
        p = ctx.Process(target=child_pipe, args=(b,))
        p.start()
        a.send(['from parent'])
        print(method, 'pipe', a.recv())
        p.join()

    shm = shared_memory.SharedMemory(create=True, size=16)
    p = mp.get_context('fork').Process(target=write_shm, args=(shm.name,))
    p.start()
    p.join()
    print('shm', bytes(shm.buf[:5]))
    shm.close()
    shm.unlink()

    with mp.Manager() as m:
        d = m.dict()
        l = m.list([1, 2])
        d['a'] = 1
        l.append(3)
        print('manager', dict(d), list(l))

    with ProcessPoolExecutor(2) as ex:
        print('executor', list(ex.map(square, range(5))))
    print('cpu_count', mp.cpu_count() >= 1)
