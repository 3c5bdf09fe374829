# _testinternalcapi.get_config() answers test.support's question about column ranges
# in code objects (co_positions, traceback carets), which Taipan keeps.
import _testinternalcapi
from test import support
print(_testinternalcapi.get_config()["code_debug_ranges"])
print(support.has_no_debug_ranges())
def f():
    return 1 + 2
print(all(len(p) == 4 for p in f.__code__.co_positions()))
