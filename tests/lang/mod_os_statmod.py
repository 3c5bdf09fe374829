# The stat module over _stat: S_IS* tests, S_IMODE/S_IFMT, filemode, constants.
import os
import stat
import _stat

print(stat.filemode is _stat.filemode, stat.S_ISDIR is _stat.S_ISDIR)
for mode in [0o100644, 0o040755, 0o120777, 0o020620, 0o060660, 0o010600, 0o140755, 0o104755, 0o102755, 0o041777, 0o101644, 0o170777, 0]:
    print(oct(mode), stat.filemode(mode), stat.S_IMODE(mode), stat.S_IFMT(mode),
          [f.__name__ for f in (stat.S_ISDIR, stat.S_ISREG, stat.S_ISLNK, stat.S_ISCHR, stat.S_ISBLK, stat.S_ISFIFO, stat.S_ISSOCK) if f(mode)])
print(stat.S_ISDOOR(0o100644), stat.S_ISPORT(0), stat.S_ISWHT(0))
print(stat.S_IFDIR, stat.S_IFREG, stat.S_IFLNK, stat.S_IRWXU, stat.S_IRUSR, stat.S_ISUID, stat.S_ENFMT, stat.S_IREAD)
print(stat.ST_MODE, stat.ST_SIZE, stat.ST_MTIME, stat.UF_HIDDEN, stat.SF_SNAPSHOT)
st = os.stat("/")
print(stat.S_ISDIR(st.st_mode), stat.S_ISDIR(st[stat.ST_MODE]), stat.filemode(st.st_mode)[0])
for bad in ["x", -1, 2**40, 1.5]:
    try:
        stat.S_ISDIR(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    stat.filemode()
except TypeError as e:
    print("TypeError", e)
