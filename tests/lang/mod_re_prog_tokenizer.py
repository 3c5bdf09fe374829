# A small tokenizer and evaluator built on named groups, lastgroup and finditer.
import re

TOKEN = re.compile(r'''
    (?P<NUMBER>\d+(?:\.\d+)?)
  | (?P<NAME>[A-Za-z_]\w*)
  | (?P<OP>\*\*|[-+*/()=])
  | (?P<SKIP>[ \t]+)
  | (?P<MISMATCH>.)
''', re.VERBOSE)

def tokenize(text):
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == 'SKIP':
            continue
        if kind == 'MISMATCH':
            raise SyntaxError('unexpected %r at %d' % (m.group(), m.start()))
        yield kind, m.group(), m.start()

def evaluate(tokens, env):
    toks = [(k, v) for k, v, _ in tokens]
    pos = 0
    def peek():
        return toks[pos] if pos < len(toks) else (None, None)
    def expr():
        nonlocal pos
        v = term()
        while peek()[1] in ('+', '-'):
            op = toks[pos][1]; pos += 1
            r = term()
            v = v + r if op == '+' else v - r
        return v
    def term():
        nonlocal pos
        v = factor()
        while peek()[1] in ('*', '/'):
            op = toks[pos][1]; pos += 1
            r = factor()
            v = v * r if op == '*' else v / r
        return v
    def factor():
        nonlocal pos
        k, val = peek()
        pos += 1
        if k == 'NUMBER':
            return float(val) if '.' in val else int(val)
        if k == 'NAME':
            return env[val]
        if val == '(':
            v = expr()
            pos += 1
            return v
        if val == '-':
            return -factor()
        raise SyntaxError(val)
    return expr()

src = 'rate * (hours + 1.5) - bonus / 2'
toks = list(tokenize(src))
for t in toks:
    print(t)
print(evaluate(toks, {'rate': 20, 'hours': 8, 'bonus': 10}))
try:
    list(tokenize('a $ b'))
except SyntaxError as e:
    print('SyntaxError', e)
# A line-oriented log parser using match() at successive positions.
LOG = re.compile(r'(?P<time>\d\d:\d\d) \[(?P<level>[A-Z]+)\] (?P<msg>[^\n]*)\n?')
log = '10:00 [INFO] started\n10:05 [WARN] disk 91% full\n10:07 [ERROR] crashed: code=7\n'
pos = 0
counts = {}
while pos < len(log):
    m = LOG.match(log, pos)
    counts[m['level']] = counts.get(m['level'], 0) + 1
    print(m['time'], m['level'].lower(), re.sub(r'\d+', '#', m['msg']))
    pos = m.end()
print(sorted(counts.items()))
