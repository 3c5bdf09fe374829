# Threads importing one module at once: all wait for the one loading it and see it complete.
import os
import shutil
import sys
import tempfile
import threading

d = tempfile.mkdtemp()
try:
    with open(os.path.join(d, "slow_mod_thr.py"), "w") as f:
        f.write("import time\nSTARTED = True\ntime.sleep(0.05)\nVALUE = 42\n")
    os.makedirs(os.path.join(d, "pkg_thr"))
    with open(os.path.join(d, "pkg_thr", "__init__.py"), "w") as f:
        f.write("import time\ntime.sleep(0.02)\nNAME = 'pkg'\n")
    with open(os.path.join(d, "pkg_thr", "sub.py"), "w") as f:
        f.write("import time\ntime.sleep(0.02)\nfrom . import NAME\nFULL = NAME + '.sub'\n")
    sys.path.insert(0, d)
    res = []
    lock = threading.Lock()
    start = threading.Barrier(4)
    def imp(k):
        start.wait()
        if k % 2:
            import slow_mod_thr
            v = slow_mod_thr.VALUE
        else:
            from pkg_thr import sub
            v = sub.FULL
        with lock:
            res.append(v)
    ts = [threading.Thread(target=imp, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(sorted(res, key=str))
    import importlib
    out = []
    def imp2():
        out.append(importlib.import_module("slow_mod_thr").VALUE)
    ts = [threading.Thread(target=imp2) for _ in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(out)
finally:
    sys.path.remove(d)
    shutil.rmtree(d)
