# traceback.format_exc walks co_positions() with tb_lasti // 2, one entry per 2-byte code unit.
import traceback


def inner(x):
    raise ZeroDivisionError(x)


def outer():
    return inner(0) + 1


try:
    outer()
except ZeroDivisionError:
    text = traceback.format_exc()
for line in text.splitlines():
    print(line.replace(__file__, "FILE"))

try:
    outer()
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb:
        code = tb.tb_frame.f_code
        print(code.co_name, len(list(code.co_positions())) * 2 == len(code.co_code), tb.tb_lasti // 2 < len(list(code.co_positions())))
        tb = tb.tb_next
