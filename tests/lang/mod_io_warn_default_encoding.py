# With -X warn_default_encoding, open(), TextIOWrapper() and
# io.text_encoding() warn (EncodingWarning) when no encoding is given.
# With -X dev, an unknown errors= handler is refused when the stream is made.
import os, subprocess, sys

EXE = sys.executable
ENV = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON') and k != 'TAIPAN_GCSTRESS'}

def run(args):
    p = subprocess.run([EXE, '-S'] + args, capture_output=True, text=True, env=ENV)
    print(args[:-1], '-> exit', p.returncode)
    for l in p.stdout.splitlines():
        print('  |', l)
    for l in p.stderr.splitlines():
        print('  !', l)
ENC = '''import io, pathlib, tempfile, os
p = os.path.join(tempfile.mkdtemp(), "f")
with open(p, "w") as f:
    f.write("x")
w = io.TextIOWrapper(io.BytesIO())
print(pathlib.Path(p).read_text(), io.text_encoding(None), io.text_encoding("ascii"))
os.unlink(p); os.rmdir(os.path.dirname(p))
'''
run(['-X', 'warn_default_encoding', '-c', ENC])
run(['-c', ENC])
ERR = '''import io
for enc, errors in (("Boom", None), ("utf-8", "Boom")):
    try:
        io.TextIOWrapper(io.BytesIO(), encoding=enc, errors=errors)
        print(enc, errors, "accepted")
    except LookupError as e:
        print(enc, errors, "LookupError", e)
'''
run(['-X', 'dev', '-c', ERR])
run(['-c', ERR])
