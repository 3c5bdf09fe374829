# time's clocks: types, monotonicity, ns variants, get_clock_info, sleep.
import time

for name in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    f = getattr(time, name)
    ns = getattr(time, name + "_ns")
    a, b = f(), ns()
    info = time.get_clock_info(name)
    print(name, type(a).__name__, type(b).__name__, info.implementation, info.monotonic, info.adjustable, info.resolution > 0)
print(abs(time.time() - time.time_ns() / 1e9) < 1)
m1 = time.monotonic()
time.sleep(0.05)
m2 = time.monotonic()
print(m2 - m1 >= 0.05, m2 - m1 < 5)
p1 = time.perf_counter_ns()
time.sleep(0)
print(time.perf_counter_ns() >= p1)
time.sleep(1e-9)
t = time.process_time()
x = 0
for i in range(200000):
    x += i
print(time.process_time() >= t)
print(time.clock_gettime(time.CLOCK_REALTIME) > 1e9, type(time.clock_gettime_ns(time.CLOCK_MONOTONIC)).__name__)
print(time.clock_getres(time.CLOCK_MONOTONIC) > 0, time.CLOCK_REALTIME, time.CLOCK_MONOTONIC)
for bad in [-1, "x", float("nan"), None]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    time.get_clock_info("nope")
except ValueError as e:
    print("ValueError", e)
try:
    time.sleep()
except TypeError as e:
    print("TypeError", e)
