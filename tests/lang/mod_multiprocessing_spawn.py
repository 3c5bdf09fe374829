# gcstress-every: 50
# multiprocessing with the spawn start method: each child is a new
# interpreter that imports this module and unpickles its work.
import multiprocessing as mp
import os


def square(x):
    return x * x


def worker(q, n, conn):
    q.put((n, sum(range(n)), os.getpid() != PARENT))
    conn.send(conn.recv() + ['from child', __name__])
    conn.close()


PARENT = int(os.environ.get('MP_TEST_PARENT', '0'))

if __name__ == '__main__':
    os.environ['MP_TEST_PARENT'] = str(os.getpid())
    # The children are new interpreters: under Taipan's GC stress run they
    # would each repeat the whole start-up under stress.
    os.environ.pop('TAIPAN_GCSTRESS', None)
    ctx = mp.get_context('spawn')
    with ctx.Pool(2) as pool:
        print('map', pool.map(square, range(8)))
        print('starmap', pool.starmap(pow, [(2, 3), (3, 2)]))
    q = ctx.Queue()
    a, b = ctx.Pipe()
    p = ctx.Process(target=worker, args=(q, 30, b))
    p.start()
    print('queue', q.get(timeout=60))
    a.send(['from parent'])
    print('pipe', a.recv())
    p.join()
    print('exitcode', p.exitcode)
