# error_mutate.py: differential test of syntax errors: mutate stdlib files, compare parsedump with CPython.
# Usage: /usr/bin/python3 tools/error_mutate.py [SEED [COUNT]]   (needs build/parsedump; writes /tmp/mut.py,
# keeps the first differing inputs in /tmp/mutdiff/).  Prints counts: both-ok / same-error / differ.
import random, subprocess, sys, os, collections
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
files = [l.strip() for l in os.popen('find /usr/lib/python3.11 -name "*.py"') if l.strip()]
files = [f for f in files if os.path.getsize(f) < 30000]
N = int(sys.argv[2]) if len(sys.argv) > 2 else 300
stats = collections.Counter(); shown = 0
for i in range(N):
    f = random.choice(files)
    src = open(f, 'rb').read()
    kind = random.randrange(4)
    if kind == 0 and src:    # delete one char
        k = random.randrange(len(src)); src = src[:k] + src[k+1:]
    elif kind == 1:          # insert a char
        k = random.randrange(len(src) + 1); src = src[:k] + bytes([random.choice(b'()[]{}:,.=+-*\'"\\\n \t#@!$x1')]) + src[k:]
    elif kind == 2:          # delete a line
        lines = src.split(b'\n'); k = random.randrange(len(lines)); del lines[k]; src = b'\n'.join(lines)
    else:                    # duplicate a token-ish chunk
        k = random.randrange(len(src) + 1); j = min(len(src), k + random.randrange(1, 6)); src = src[:k] + src[k:j] + src[k:]
    open('/tmp/mut.py', 'wb').write(src)
    try:
        compile(src, '/tmp/mut.py', 'exec', 0x400)
        ref = 'OK'
    except SyntaxError as e:
        ref = 'ERROR %s %s %s %s' % (type(e).__name__, e.lineno, e.offset, e.msg)
    except Exception as e:
        ref = 'ERROR %s' % type(e).__name__
    r = subprocess.run([os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'build', 'parsedump'), '/tmp/mut.py'], stdout=subprocess.PIPE)
    out = r.stdout.decode('utf-8', 'replace').strip()
    mine = out if out.startswith('ERROR') else ('OK' if r.returncode == 0 else 'CRASH')
    if mine == 'OK' and ref == 'OK':
        stats['both-ok'] += 1
    elif mine == ref:
        stats['same-error'] += 1
    else:
        stats['differ'] += 1
        if shown < 25:
            shown += 1
            os.makedirs('/tmp/mutdiff', exist_ok=True)
            open('/tmp/mutdiff/%d.py' % i, 'wb').write(src)
            print('%d: %s\n   taipan:  %s\n   cpython: %s' % (i, f, mine[:200], ref[:200]))
print(dict(stats))
