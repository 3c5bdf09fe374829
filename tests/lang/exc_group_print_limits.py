# Group printing limits (width 15, depth 10) through sys.excepthook, except* in generators, coroutines, nested.
import sys
# many sub-exceptions (max width) and depth
eg = ExceptionGroup("wide", [ValueError(i) for i in range(17)])
try:
    raise eg
except ExceptionGroup as e:
    import traceback
    print("".join(traceback.format_exception(e))[:200])
def deep(n):
    e = ValueError("leaf")
    for i in range(n):
        e = ExceptionGroup(f"l{i}", [e])
    return e
sys.excepthook(ExceptionGroup, deep(12), None)
sys.excepthook(ExceptionGroup, eg, None)
# except* inside generator
def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        yield repr(e)
    except* TypeError as e:
        yield repr(e)
print(list(gen()))
# except* in async
async def co():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as e:
        return repr(e)
try: co().send(None)
except StopIteration as s: print(s.value)
# nested except*
try:
    try:
        raise ExceptionGroup("o", [ValueError(1), KeyError(2)])
    except* ValueError:
        try:
            raise ExceptionGroup("i", [TypeError(3)])
        except* TypeError as t:
            print("inner", repr(t), repr(sys.exc_info()[1]))
        print("after inner", repr(sys.exc_info()[1]))
except* KeyError as k:
    print("outer", repr(k))
