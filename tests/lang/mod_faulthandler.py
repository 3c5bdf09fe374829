# faulthandler: enable/disable, dump_traceback to a file, a fatal signal reported
# with the Python traceback, the watchdog of dump_traceback_later, bad arguments.
import faulthandler, os, re, subprocess, sys, tempfile

print(faulthandler.is_enabled())
faulthandler.enable(file=sys.stdout)
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.disable(), faulthandler.is_enabled())

def show(f):
    f.seek(0)
    print(re.sub("0x[0-9a-f]+", "0x...", f.read()).replace(__file__, "THIS_FILE"))

def inner(f):
    faulthandler.dump_traceback(file=f, all_threads=False)

def outer(f):
    inner(f)

with tempfile.TemporaryFile("w+") as f:
    outer(f)
    show(f)

with tempfile.TemporaryFile("w+") as f:
    faulthandler.dump_traceback(f.fileno(), all_threads=True)
    show(f)

# Under AddressSanitizer, leave the fatal signals to faulthandler (no effect elsewhere).
env = dict(os.environ)
env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":handle_segv=0:handle_abort=0:handle_sigfpe=0"

def child(code):
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    print("exit", p.returncode)
    print(re.sub("0x[0-9a-f]+", "0x...", p.stderr))

child("import faulthandler\nfaulthandler.enable()\ndef f():\n    faulthandler._sigsegv()\nf()\n")
child("import faulthandler\nfaulthandler.enable(all_threads=False)\nfaulthandler._sigabrt()\n")
child("import faulthandler, time\nfaulthandler.dump_traceback_later(0.2, exit=True)\n"
      "def wait():\n    time.sleep(10)\nwait()\n")
child("import faulthandler, time\nfaulthandler.dump_traceback_later(5)\n"
      "faulthandler.cancel_dump_traceback_later()\nprint('cancelled')\n")

for bad in (lambda: faulthandler.dump_traceback_later(0),
            lambda: faulthandler.dump_traceback_later(-1.5),
            lambda: faulthandler.dump_traceback(file=-1),
            lambda: faulthandler.enable(file=object()),
            lambda: faulthandler.register(11),
            lambda: faulthandler.dump_traceback(1, 2, 3)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
