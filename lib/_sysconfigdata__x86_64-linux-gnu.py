# Taipan's build-time variables for sysconfig: those of Debian's CPython,
# whose standard library Taipan runs (read from that module, not copied),
# with BINDIR where the taipan binary is, as CPython's names its own.
# docs/cli.md.
import os as _os
import sys as _sys

_ns = {}
_path = _os.path.join(_os.path.dirname(_os.__file__), __name__ + ".py")
with open(_path, "rb") as _f:
    exec(compile(_f.read(), _path, "exec"), _ns)
build_time_vars = _ns["build_time_vars"]
build_time_vars["BINDIR"] = _os.path.dirname(_os.path.realpath(_sys._base_executable))
del _ns, _path, _f
