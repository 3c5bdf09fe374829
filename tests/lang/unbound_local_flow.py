# Reads of locals that may be unbound raise UnboundLocalError on every
# control-flow path: the compiler drops the check only where a local is
# certainly bound, and must never drop it where it is not.

def attempt(name, f, *args):
    try:
        r = f(*args)
        print(name, "->", r)
    except UnboundLocalError as e:
        print(name, "UnboundLocalError:", e)
    except NameError as e:
        print(name, "NameError:", e)
    except KeyError:
        print(name, "KeyError")

def if_one_branch(c):
    if c:
        x = 1
    return x

def if_both(c):
    if c:
        x = 1
    else:
        x = 2
    return x

def if_else_raises(c):
    if c:
        x = 1
    else:
        raise ValueError
    return x

def del_param_in_loop(x):
    for i in range(2):
        print(" x is", x)
        del x
    return "done"

def del_in_while(n):
    x = 0
    while n:
        n -= 1
        y = x
        del x
    return y

def del_in_branch_in_loop(n):
    x = 1
    for i in range(n):
        if i == 1:
            del x
        else:
            print(" ", i, x)
    return "ok"

def for_zero_iter():
    for i in []:
        pass
    return i

def for_target_after(n):
    for i in range(n):
        j = i
    return i, j

def while_else(n):
    while n > 0:
        n -= 1
        x = n
    else:
        y = 5
    return y, x

def for_break_else(items):
    for v in items:
        if v:
            found = v
            break
    else:
        found = None
    return found

def try_body_partial(c):
    try:
        a = 1
        if c:
            raise KeyError
        b = 2
    except KeyError:
        return a, b
    return a, b

def try_del_in_body():
    x = 1
    try:
        del x
        raise KeyError
    except KeyError:
        return x

def except_as_unbinds():
    e = "before"
    try:
        raise ValueError("v")
    except ValueError as e:
        pass
    return e

def except_as_in_loop(n):
    err = None
    for i in range(n):
        print(" err is", type(err).__name__)
        try:
            raise KeyError(i)
        except KeyError as err:
            pass
    return "ok"

def try_else(c):
    try:
        if c:
            raise KeyError
    except KeyError:
        pass
    else:
        z = 3
    return z

def try_finally_path(c):
    try:
        if c:
            raise KeyError
        w = 1
    finally:
        print(" finally")
    return w

def finally_sees_partial(c):
    try:
        try:
            if c:
                raise KeyError
            w = 1
        finally:
            print(" w bound:", 'w' in dir())
            print(" w =", w)
    except KeyError:
        return "KeyError passed through"

class Suppress:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return True

def with_suppressed(c):
    with Suppress():
        if c:
            raise KeyError
        q = 1
    return q

def with_del_suppressed():
    q = 1
    with Suppress():
        del q
        raise KeyError
    return q

def walrus_short_circuit(c):
    if c and (n := 10):
        pass
    return n

def walrus_plain():
    (m := 4)
    return m

def match_capture(v):
    match v:
        case [a, 0]:
            pass
        case [b, 1]:
            return a
        case _:
            pass
    return a

def match_guard(v):
    match v:
        case x if x > 5:
            return x
        case _:
            return x

def match_all_bind(v):
    match v:
        case 1:
            r = "one"
        case _:
            r = "other"
    return r

def nested_loop_del():
    x = 1
    for i in range(2):
        for j in range(2):
            print(" ", i, j, x)
        if i == 0:
            del x
            x = 2
        else:
            del x
    return "end"

def continue_skips(n):
    for i in range(n):
        if i % 2:
            continue
        last_even = i
    return last_even

def return_in_branch(c):
    if c:
        return "early"
    else:
        y = 1
    return y

def deleted_then_rebound():
    x = 1
    del x
    x = 2
    return x

def augassign_unbound():
    x += 1
    return x

def closure_cell(c):
    if c:
        v = 1
    def g():
        return v
    return g()

def gen_unbound(c):
    if c:
        t = 1
    yield 0
    yield t

for name, f, args in [
    ("if_one_branch(1)", if_one_branch, (1,)), ("if_one_branch(0)", if_one_branch, (0,)),
    ("if_both(0)", if_both, (0,)), ("if_else_raises(1)", if_else_raises, (1,)),
    ("del_param_in_loop", del_param_in_loop, (7,)), ("del_in_while(1)", del_in_while, (1,)),
    ("del_in_while(2)", del_in_while, (2,)), ("del_in_branch_in_loop", del_in_branch_in_loop, (3,)),
    ("for_zero_iter", for_zero_iter, ()), ("for_target_after(0)", for_target_after, (0,)),
    ("for_target_after(2)", for_target_after, (2,)), ("while_else(0)", while_else, (0,)),
    ("while_else(2)", while_else, (2,)), ("for_break_else", for_break_else, ([0, 3],)),
    ("for_break_else()", for_break_else, ([],)), ("try_body_partial(0)", try_body_partial, (0,)),
    ("try_body_partial(1)", try_body_partial, (1,)), ("try_del_in_body", try_del_in_body, ()),
    ("except_as_unbinds", except_as_unbinds, ()), ("except_as_in_loop", except_as_in_loop, (2,)),
    ("try_else(0)", try_else, (0,)), ("try_else(1)", try_else, (1,)),
    ("try_finally_path(0)", try_finally_path, (0,)), ("try_finally_path(1)", try_finally_path, (1,)),
    ("finally_sees_partial(1)", finally_sees_partial, (1,)),
    ("with_suppressed(0)", with_suppressed, (0,)), ("with_suppressed(1)", with_suppressed, (1,)),
    ("with_del_suppressed", with_del_suppressed, ()),
    ("walrus_short_circuit(1)", walrus_short_circuit, (1,)), ("walrus_short_circuit(0)", walrus_short_circuit, (0,)),
    ("walrus_plain", walrus_plain, ()),
    ("match_capture([5, 1])", match_capture, ([5, 1],)), ("match_capture([5, 0])", match_capture, ([5, 0],)),
    ("match_capture(3)", match_capture, (3,)), ("match_guard(9)", match_guard, (9,)),
    ("match_guard(2)", match_guard, (2,)), ("match_all_bind(1)", match_all_bind, (1,)),
    ("nested_loop_del", nested_loop_del, ()), ("continue_skips(1)", continue_skips, (1,)),
    ("continue_skips(5)", continue_skips, (5,)), ("return_in_branch(0)", return_in_branch, (0,)),
    ("deleted_then_rebound", deleted_then_rebound, ()), ("augassign_unbound", augassign_unbound, ()),
    ("closure_cell(0)", closure_cell, (0,)),
]:
    attempt(name, f, *args)

g = gen_unbound(0)
print(next(g))
try:
    next(g)
except UnboundLocalError as e:
    print("gen UnboundLocalError:", e)
