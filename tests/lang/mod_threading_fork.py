# fork() in a program with threads: the child has only the forking thread, which can start new ones.
import os
import threading

ev = threading.Event()
bg = threading.Thread(target=ev.wait)
bg.start()

def child_report(w):
    before = threading.active_count()
    got = []
    t = threading.Thread(target=lambda: got.append("child thread ran"))
    t.start()
    t.join()
    msg = "%d %s %s %d" % (before, got, threading.current_thread() is threading.main_thread(),
                           threading.active_count())
    os.write(w, msg.encode())
    os._exit(0)

def fork_and_read():
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        child_report(w)
    os.close(w)
    data = b""
    while True:
        chunk = os.read(r, 100)
        if not chunk:
            break
        data += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    return data.decode(), os.waitstatus_to_exitcode(status)

print("from main:", fork_and_read())
res = []
t = threading.Thread(target=lambda: res.append(fork_and_read()))
t.start()
t.join()
print("from a thread:", res[0])
ev.set()
bg.join()
print(threading.active_count())
