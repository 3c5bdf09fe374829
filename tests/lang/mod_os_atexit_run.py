# atexit._run_exitfuncs runs and clears the callbacks; _clear forgets them; an uncaught exception still runs them.
import atexit

atexit.register(print, "run now")
atexit.register(print, "and this first")
atexit._run_exitfuncs()
print(atexit._ncallbacks())
atexit.register(print, "cleared")
atexit._clear()
print(atexit._ncallbacks())
atexit.register(print, "after the traceback")
raise SystemExit(3)
