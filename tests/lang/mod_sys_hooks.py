import sys
print(sys.float_info)
print(sys.float_info.max, sys.float_info[8], len(sys.float_info))
print(sys.thread_info.name, sys.hash_info.modulus, sys.hash_info.inf)
print(sys.getswitchinterval()); sys.setswitchinterval(0.01); print(sys.getswitchinterval())
print(sys.get_asyncgen_hooks())
sys.audit("nothing", 1)
events = []
def hook(ev, args):
    if ev.startswith("my."): events.append((ev, args))
sys.addaudithook(hook)
sys.audit("my.event", 1, "two")
try: sys.audit(5)
except TypeError as e: print(e)
print(events)
def veto(ev, args):
    if ev == "sys.addaudithook": raise RuntimeError("no")
sys.addaudithook(veto)
sys.addaudithook(lambda e, a: print("never"))
print("vetoed ok")
print(sys.is_finalizing(), sys.call_tracing(max, (3, 4)))
class C:
    def __del__(self): raise ValueError("in del")
def uh(u):
    print("hook:", u.exc_type.__name__, u.exc_value, u.err_msg, type(u.object).__name__)
sys.unraisablehook = uh
c = C(); del c
import gc; gc.collect()
sys.unraisablehook = sys.__unraisablehook__
print(sys._current_frames().popitem()[1].f_code.co_name)
import os
for root, dirs, files in os.walk('/usr/lib/python3.11/json'):
    print(root, sorted(files)[:2]); break
