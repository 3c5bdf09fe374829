# sys.stdin, sys.stdout and sys.stderr are TextIOWrapper objects over file descriptors 0, 1 and 2.
import sys
import _io

for name in ("stdin", "stdout", "stderr"):
    s = getattr(sys, name)
    print(name, type(s).__name__, s.name, s.mode, s.encoding, s.fileno(), s.readable(), s.writable(),
          s is getattr(sys, "__%s__" % name), isinstance(s, _io.TextIOWrapper), type(s.buffer.raw if hasattr(s.buffer, "raw") else s.buffer).__name__)
print(sys.stdin.errors, sys.stdout.errors, sys.stderr.errors)
print(sys.stdout.buffer.name, sys.stdout.closed, sys.stdout.newlines, sys.stdout.isatty())
print(sys.stdin.read(), repr(sys.stdin.readline()))
sys.stdout.write("written directly\n")
print(sys.stdout.write("x"), file=sys.stderr)
sys.stdout.flush()
print()
print("to stderr", file=sys.stderr)
sys.stderr.write("surrogate \udcff escaped\n")
sys.stdout.flush()   # text waiting in the TextIOWrapper would otherwise come after the bytes
sys.stdout.buffer.write(b"bytes through the buffer\n")
sys.stdout.flush()
try:
    sys.stdout.read()
except _io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
try:
    sys.stdin.write("x")
except _io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
saved = sys.stdout
sys.stdout = _io.StringIO()
print("captured", 42)
captured = sys.stdout.getvalue()
sys.stdout = saved
print(repr(captured))
