# gcstress-every: 200
# _tokenize.TokenizerIter (tokenize's C tokenizer path): tokens, types,
# byte columns and quoted lines as CPython 3.11's, errors raised or not.
import _tokenize, glob, hashlib, tokenize

for src in ["x = (1,\n", "if x:\n\ty\n        z\n", "a = '\n", "x = 1 $ 2\n", "if 1:\n    x\n  y\n",
            "0xg\n", "print 'x'\n", "f(**)\n", "1_000_\n", "x = '''abc\n", "é = 1\n€ = 2\n",
            "async def f():\n    await x\n", "s = 'äö' + \\\n  'ü'\n", "t = '''a\nb''' + \\\n 'c'\n",
            "a\r\nb\rc", "x = f'{y!r:>{w}}'\n", "@dec\ndef f(a, /, *, b=1) -> int: ...\n"]:
    try:
        print([t[:6] for t in _tokenize.TokenizerIter(src)])
    except Exception as e:
        print(type(e).__name__, e.args)

for t in tokenize._generate_tokens_from_c_tokenizer("x = 1 if y else {a: b for a, b in z}\n"):
    print(tokenize.tok_name[t.type], repr(t.string), t.start, t.end)

# Every token of a few dozen standard-library files, as a digest.
files = sorted(glob.glob("/usr/lib/python3.11/*.py"))[::12]
h = hashlib.sha256()
n = 0
for f in files:
    with open(f, encoding="utf-8") as fp:
        for tok in _tokenize.TokenizerIter(fp.read()):
            h.update(repr(tok).encode())
            n += 1
print(len(files), n, h.hexdigest())
