# A generator that throw() reaches through `yield from` runs with the
# delegating generator's frame as its caller (f_back), as CPython's.
import sys


def stack_names(frame):
    names = []
    while frame:
        name = frame.f_code.co_name
        if name.startswith('call_'):
            break
        names.append(name)
        frame = frame.f_back
    return names


def f():
    print("f starts:", stack_names(sys._getframe()))
    try:
        yield
    except Exception as e:
        print("f caught", type(e).__name__, stack_names(sys._getframe()))
    print("f ends:", stack_names(sys._getframe()))


def g():
    print("g starts:", stack_names(sys._getframe()))
    yield from f()
    print("g ends:", stack_names(sys._getframe()))


def call_send():
    gen = g()
    gen.send(None)
    try:
        gen.send(None)
    except StopIteration:
        print("send: stopped")


def call_throw():
    gen = g()
    gen.send(None)
    try:
        gen.throw(RuntimeError)
    except StopIteration:
        print("throw: stopped")


call_send()
call_throw()
