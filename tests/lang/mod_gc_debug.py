# gc.get_debug/set_debug keep the debugging flags.
import gc
print(gc.get_debug())
gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE)
print(gc.get_debug(), gc.DEBUG_LEAK)
gc.set_debug(0)
print(gc.get_debug())
for bad in ("x", 2**40, 1.5):
    try:
        gc.set_debug(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    gc.get_debug(1)
except TypeError as e:
    print("TypeError", e)
