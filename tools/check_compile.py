# check_compile.py: run by both build/taipan and /usr/bin/python3 from tools/check_compile.sh.
# usage: check_compile.py compile|ast|time DIR
#   compile: one line per .py file: path, then OK or the exception type compile() raised
#   ast:     one line per file: path, CRC-32 and length of ast.dump(include_attributes=True)
#   time:    compile() of every file (sources read first), best of 3 passes, in seconds
import ast, binascii, os, sys, time, warnings
warnings.simplefilter("ignore")

def py_files(top):
    out = []
    for d, dirs, names in os.walk(top):
        dirs.sort()
        out += [os.path.join(d, n) for n in sorted(names) if n.endswith('.py')]
    return out

mode, top = sys.argv[1], sys.argv[2]
files = py_files(top)
if mode == 'time':
    srcs = []
    for p in files:
        with open(p, 'rb') as f:
            srcs.append((p, f.read()))
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        for p, s in srcs:
            try:
                compile(s, p, 'exec', dont_inherit=True)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                pass
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    print(f'{len(srcs)} files, {sum(len(s) for _, s in srcs)} bytes: {best:.3f} s')
    sys.exit(0)
for p in files:
    with open(p, 'rb') as f:
        src = f.read()
    try:
        if mode == 'compile':
            compile(src, p, 'exec', dont_inherit=True)
            print(p, 'OK')
        else:
            s = ast.dump(ast.parse(src, p), include_attributes=True)
            print(p, binascii.crc32(s.encode('utf-8', 'surrogatepass')), len(s))
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        print(p, type(e).__name__)
