# The GIL is handed over at the switch interval: CPU-bound threads that wait on each other's progress both finish.
import sys
import threading

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(0.0123456789)
print(sys.getswitchinterval())
sys.setswitchinterval(1e-9)
print(sys.getswitchinterval())
for bad in (0, -1.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print("TypeError", e)
sys.setswitchinterval(0.001)

# Ping-pong through plain variables, no locks: each thread spins until the
# other has moved, so both only finish if the running one is preempted.
state = {"a": 0, "b": 0}
ROUNDS = 20
def ping():
    for i in range(1, ROUNDS + 1):
        state["a"] = i
        while state["b"] < i:
            pass
def pong():
    for i in range(1, ROUNDS + 1):
        while state["a"] < i:
            pass
        state["b"] = i
t1 = threading.Thread(target=ping)
t2 = threading.Thread(target=pong)
t1.start()
t2.start()
t1.join()
t2.join()
print(state)

# The main thread spins too, waiting for a flag a worker sets.
flag = []
w = threading.Thread(target=lambda: flag.append(1))
w.start()
n = 0
while not flag:
    n += 1
w.join()
print("flag seen", flag)

# Several busy threads each make progress.
counts = [0] * 4
stop = []
def busy(k):
    while not stop:
        counts[k] += 1
bs = [threading.Thread(target=busy, args=(k,)) for k in range(4)]
for b in bs:
    b.start()
while min(counts) < 1000:
    pass
stop.append(1)
for b in bs:
    b.join()
print("all progressed", min(counts) >= 1000)
sys.setswitchinterval(0.005)
