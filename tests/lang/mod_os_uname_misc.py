# uname, times, cpu_count, urandom, strerror, sysconf/confstr/pathconf, terminal size on a pipe.
import os

u = os.uname()
print(type(u).__name__, repr(type(u)), len(u), u.sysname, u[0] == u.sysname, all(type(x) is str for x in u))
print(u._fields if hasattr(u, "_fields") else "no _fields", os.uname_result.n_fields)
t = os.times()
print(type(t).__name__, len(t), all(type(x) is float for x in t), t.elapsed > 0, t[0] == t.user)
print(type(os.cpu_count()).__name__, os.cpu_count() >= 1)
r = os.urandom(16)
print(type(r).__name__, len(r), len(os.urandom(0)), os.urandom(8) != os.urandom(8))
try:
    os.urandom(-1)
except ValueError as e:
    print("ValueError", e)
print(os.strerror(2), os.strerror(13), os.strerror(0))
print(os.sysconf("SC_PAGESIZE") == os.sysconf(os.sysconf_names["SC_PAGESIZE"]), os.sysconf("SC_OPEN_MAX") > 0)
print("SC_CLK_TCK" in os.sysconf_names, "CS_PATH" in os.confstr_names, "PC_NAME_MAX" in os.pathconf_names)
print(os.confstr("CS_PATH").startswith("/"), os.pathconf("/", "PC_NAME_MAX") > 0, os.fpathconf(0, "PC_PIPE_BUF") > 0 or True)
for bad in ["SC_NOPE", 1.5]:
    try:
        os.sysconf(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
r, w = os.pipe()
try:
    os.get_terminal_size(r)
except OSError as e:
    print(type(e).__name__, e.errno)
print(os.device_encoding(r), os.isatty(r))
os.close(r)
os.close(w)
ts = os.terminal_size((80, 24))
print(ts, ts.columns, ts.lines, ts == (80, 24))
print(os.getloadavg().__class__.__name__, len(os.getloadavg()))
print(os.major(os.makedev(8, 1)), os.minor(os.makedev(8, 1)))
print(os.name, os.linesep == "\n", os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.WNOHANG)
print(os.EX_OK, os.EX_USAGE, os.P_PID, os.P_ALL, os.CLD_EXITED, os.O_ACCMODE)
print(sorted(x for x in os._have_functions if x in ("HAVE_FSTATAT", "HAVE_OPENAT", "HAVE_FDOPENDIR")))
st = os.statvfs("/")
print(type(st).__name__, len(st), st.f_bsize > 0, st.f_namemax > 0, st[0] == st.f_bsize)
