# _multiprocessing.SemLock: kinds, acquire/release counting, errors, _rebuild;
# sem_unlink.  Names carry the pid so parallel runs do not collide.
import os
P = '/tp%d' % os.getpid()
import _multiprocessing as m
print(m.flags, sorted(n for n in dir(m) if not n.startswith('__')), m.SemLock.SEM_VALUE_MAX)
print(sorted(n for n in dir(m.SemLock) if not n.startswith('__')))
s=m.SemLock(1,1,1,P + 'x1',True); print(s.name, s.kind, s.maxvalue, type(s.handle))
try: m.SemLock(5,1,1,'/x',True)
except Exception as e: print(type(e).__name__, e)
print(s.acquire(), s.acquire(False), s.acquire(timeout=0.01), s._count(), s._is_mine(), s._get_value(), s._is_zero())
s.release()
try: s.release()
except Exception as e: print(type(e).__name__, e)
r=m.SemLock(0,1,1,P + 'y1',True); r.acquire(); r.acquire(); print(r._count()); r.release(); r.release()
try: r.release()
except Exception as e: print(type(e).__name__, e)
try: m.sem_unlink('/nonexist-zz')
except Exception as e: print(type(e).__name__, e)
k=m.SemLock(1,0,3,P + 'z1',False); print(k.name == P + 'z1'); 
try: m.SemLock(1,0,3,P + 'z1',False)
except Exception as e: print(type(e).__name__, e)
k2 = m.SemLock._rebuild(k.handle, k.kind, k.maxvalue, None); k.release(); print(k2._get_value(), k2.acquire(), k._get_value())
k3 = m.SemLock._rebuild(0, 1, 3, P + 'z1'); print(k3._get_value()); m.sem_unlink(P + 'z1')
with s: print(s._is_zero())
print(s._is_zero())
import _posixshmem
fd = _posixshmem.shm_open(P + 'shm', os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
os.ftruncate(fd, 8)
print('shm size', os.fstat(fd).st_size)
os.close(fd)
_posixshmem.shm_unlink(P + 'shm')
for args in [(P + 'shm',), (1,), ('a\0b',)]:
    try:
        _posixshmem.shm_unlink(*args)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename == args[0])
    except Exception as e:
        print(type(e).__name__, e)
try:
    _posixshmem.shm_open(P + 'x', 0, mode='a')
except Exception as e:
    print(type(e).__name__, e)

# Bad arguments: CPython's exceptions.

for a in [(1,1,1,5,True),(1,1,1,'a\0b',True),(1,-1,1,P,True),(1,1,1,'',True),(7,1,1,P,True),(1,2**40,1,P,True)]:
    try: print(m.SemLock(*a))
    except Exception as e: print(type(e).__name__, e)
s=m.SemLock(1,0,1,P+'q',True)
for t in [float('nan'), 'x', -5, 1e300]:
    try: print(s.acquire(True, t) if t != 1e300 else 'skip')
    except Exception as e: print(type(e).__name__, e)
for a in [5, 'a\0b', P+'none']:
    try: m.sem_unlink(a)
    except OSError as e: print(type(e).__name__, e.errno)
    except Exception as e: print(type(e).__name__, e)
try: m.SemLock._rebuild(0, 1, 1, 5)
except Exception as e: print(type(e).__name__, e)
