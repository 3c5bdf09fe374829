# `-m json.tool FILE` and `-m timeit` run as under CPython (timings normalized).
# timeout-scale: 3
# (The children run without the collector stress setting: timeit would loop for minutes.)
import os
import re
import subprocess
import sys
import tempfile

os.environ.pop("TAIPAN_GCSTRESS", None)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "in.json")
    with open(path, "w") as f:
        f.write('{"b": [1, 2.5, null, true], "a": {"x": "\\u00e9"}}')
    r = subprocess.run([sys.executable, "-m", "json.tool", path], capture_output=True, text=True)
    print(r.returncode, r.stdout, r.stderr)
    r = subprocess.run([sys.executable, "-m", "json.tool", "--sort-keys", "--compact", path],
                       capture_output=True, text=True)
    print(r.returncode, r.stdout, r.stderr)
    with open(path, "w") as f:
        f.write('{"b": [1, 2,]}')
    r = subprocess.run([sys.executable, "-m", "json.tool", path], capture_output=True, text=True)
    print(r.returncode, repr(r.stdout), r.stderr)

r = subprocess.run([sys.executable, "-m", "timeit", "-n", "100", "-r", "2", "sum(range(100))"],
                   capture_output=True, text=True)
# On a busy machine timeit warns that its timings vary; that warning is noise here.
def quiet(err):
    return "".join(l for l in err.splitlines(True) if "likely unreliable" not in l)
print(r.returncode, re.sub(r"[0-9.]+ (nsec|usec|msec|sec)", "T", r.stdout), quiet(r.stderr))
r = subprocess.run([sys.executable, "-m", "timeit", "-s", "x = [3, 1, 2]", "sorted(x)"],
                   capture_output=True, text=True)
print(r.returncode, re.sub(r"^\d+ loops, best of \d+: [0-9.]+ (nsec|usec|msec|sec)", "N loops, best of 5: T", r.stdout), quiet(r.stderr))
r = subprocess.run([sys.executable, "-m", "timeit", "-n", "1", "1/0"], capture_output=True, text=True)
print(r.returncode, r.stdout, r.stderr.splitlines()[-1])
