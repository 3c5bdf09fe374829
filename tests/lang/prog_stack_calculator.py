def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c == " ":
            i += 1
        elif c in "0123456789":
            j = i
            while j < len(src) and src[j] in "0123456789":
                j += 1
            tokens.append(int(src[i:j]))
            i = j
        elif c in "+-*/()":
            tokens.append(c)
            i += 1
        else:
            raise SyntaxError("bad character " + repr(c))
    return tokens


PREC = {"+": 1, "-": 1, "*": 2, "/": 2}


def to_rpn(tokens):
    out = []
    ops = []
    for t in tokens:
        if isinstance(t, int):
            out.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            while ops and ops[-1] != "(" and PREC[ops[-1]] >= PREC[t]:
                out.append(ops.pop())
            ops.append(t)
    while ops:
        out.append(ops.pop())
    return out


def evaluate(rpn):
    stack = []
    for t in rpn:
        if isinstance(t, int):
            stack.append(t)
            continue
        b = stack.pop()
        a = stack.pop()
        if t == "+":
            stack.append(a + b)
        elif t == "-":
            stack.append(a - b)
        elif t == "*":
            stack.append(a * b)
        else:
            stack.append(a // b)
    return stack[0]


for expr in ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 - 2", "2 * (3 + 4) * (5 - 1)", "8 - 3 - 2", "99999999999 * 99999999999", "7 / 0", "2 $ 3"]:
    try:
        rpn = to_rpn(tokenize(expr))
        print(expr, "=>", rpn, "=>", evaluate(rpn))
    except ZeroDivisionError as e:
        print(expr, "=> error:", e)
    except SyntaxError as e:
        print(expr, "=> syntax error:", e)
