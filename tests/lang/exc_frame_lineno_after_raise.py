# f_lineno of a frame an exception left, relative to its first line (PEP 626):
# the line that raised, not the cleanup code's.
import sys


def lineno_after_raise(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__
    lines = []
    t = t.tb_next
    while t:
        frame = t.tb_frame
        lines.append(None if frame.f_lineno is None else frame.f_lineno - frame.f_code.co_firstlineno)
        t = t.tb_next
    print(f.__name__, tuple(lines))


def simple():
    1/0
    pass


def in_except():
    try:
        1/0
    except:
        1/0
        pass


def other_except():
    try:
        1/0
    except TypeError as ex:
        pass


def other_excepts():
    try:
        1/0
    except TypeError:
        pass
    except KeyError as e:
        pass


def in_named_except():
    try:
        1/0
    except Exception as ex:
        1/0
        pass


def in_try():
    try:
        1/0
    finally:
        pass


def in_finally_normal():
    try:
        pass
    finally:
        1/0
        pass


def in_finally_except():
    try:
        1/0
    finally:
        1/0
        pass


class Noop:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass


def after_with():
    with Noop():
        1/0
        pass


class ExitFails:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        raise ValueError


def after_with_exit_fails():
    with ExitFails():
        1/0


def bare_raise():
    try:
        1/0
    except ZeroDivisionError:
        x = 1
        raise


def nested():
    try:
        try:
            1/0
        except KeyError:
            pass
    except TypeError:
        pass


def handled_then_raise():
    try:
        {}[1]
    except KeyError:
        pass
    try:
        [][1]
    except IndexError:
        1/0
        pass


for f in [simple, in_except, other_except, other_excepts, in_named_except, in_try, in_finally_normal,
          in_finally_except, after_with, after_with_exit_fails, bare_raise, nested, handled_then_raise]:
    lineno_after_raise(f)
