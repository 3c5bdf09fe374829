# os.environ over posix.environ (bytes), putenv/unsetenv, environb, getenv.
import os
import posix

print(type(posix.environ).__name__, all(type(k) is bytes and type(v) is bytes for k, v in posix.environ.items()))
print(type(os.environ).__name__, "PATH" in os.environ, os.environ["PATH"] == os.getenv("PATH"))
os.environ["TAIPAN_TEST_VAR"] = "value 1"
print(os.environ["TAIPAN_TEST_VAR"], os.environb[b"TAIPAN_TEST_VAR"], os.getenv("TAIPAN_TEST_VAR"))
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, os.environb.get(b"TAIPAN_TEST_VAR", b"<unset>"))
    os._exit(0)
os.close(w)
os.waitpid(pid, 0)
print("child saw", os.read(r, 100))
os.close(r)
del os.environ["TAIPAN_TEST_VAR"]
print(os.getenv("TAIPAN_TEST_VAR"), os.getenv("TAIPAN_TEST_VAR", "dflt"), "TAIPAN_TEST_VAR" in os.environ)
os.environb[b"TAIPAN_B"] = b"\xff"
print(ascii(os.environ["TAIPAN_B"]), os.environb[b"TAIPAN_B"])
print(os.environ.pop("TAIPAN_B") == "\udcff", os.getenvb(b"TAIPAN_B"))
os.putenv("TAIPAN_DIRECT", "x")
print("TAIPAN_DIRECT" in os.environ)
os.unsetenv("TAIPAN_DIRECT")
for bad in [("A=B", "c"), ("", "c"), ("A\0", "c"), ("A", "c\0"), (1, "x")]:
    try:
        os.putenv(*bad)
    except (ValueError, OSError, TypeError) as e:
        print(type(e).__name__, e)
for bad in ["A=B", ""]:
    try:
        os.unsetenv(bad)
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
try:
    os.environ["X"] = 1
except TypeError as e:
    print("TypeError", e)
try:
    os.environ["TAIPAN_NOT_THERE"]
except KeyError as e:
    print("KeyError", e)
os.environ.setdefault("TAIPAN_SD", "one")
os.environ.setdefault("TAIPAN_SD", "two")
print(os.environ["TAIPAN_SD"])
c = {k: os.environ[k] for k in os.environ}
print(type(c).__name__, c["TAIPAN_SD"])
del os.environ["TAIPAN_SD"]
print(sorted(k for k in os.environ if k in ("TAIPAN_TEST_VAR", "TAIPAN_B", "TAIPAN_DIRECT", "TAIPAN_SD")))
