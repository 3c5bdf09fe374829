# tracemalloc's API: tracing state, limits, traced totals and their errors.
# gcstress-every: 50
import tracemalloc

print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError", e)
for bad in (0, 65536, -1):
    try:
        tracemalloc.start(bad)
    except ValueError as e:
        print("ValueError", e)
tracemalloc.start(5)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
data = [str(i) * 10 for i in range(50000)]
cur, peak = tracemalloc.get_traced_memory()
print(cur > 500000, peak >= cur)
tracemalloc.reset_peak()
print(tracemalloc.get_traced_memory()[1] >= tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
print(tracemalloc.get_object_traceback(data))
for bad in (2**70, -2**40, 2.0, "a"):
    try:
        tracemalloc.start(bad)
    except (OverflowError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
