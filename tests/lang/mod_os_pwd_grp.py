# pwd and grp lookups as struct sequences, and their KeyError/TypeError messages.
import pwd
import grp

root = pwd.getpwuid(0)
print(type(root).__name__, repr(type(root)), len(root), root.pw_name, root.pw_uid, root.pw_gid, root[0] == root.pw_name)
print(pwd.getpwnam("root") == root, root.pw_dir, type(root.pw_shell).__name__)
print(pwd.struct_passwd.__match_args__, pwd.struct_passwd.n_fields)
allp = pwd.getpwall()
print(type(allp).__name__, any(p.pw_uid == 0 for p in allp), all(type(p) is pwd.struct_passwd for p in allp))
g = grp.getgrgid(0)
print(type(g).__name__, g.gr_name, g.gr_gid, type(g.gr_mem).__name__, grp.getgrnam("root") == g)
print(grp.struct_group.__match_args__, any(x.gr_gid == 0 for x in grp.getgrall()))
for call in [lambda: pwd.getpwuid(54321), lambda: pwd.getpwnam("taipan_no_user"), lambda: pwd.getpwuid("x"),
             lambda: pwd.getpwnam(5), lambda: pwd.getpwnam("a\0b"), lambda: pwd.getpwuid(-1),
             lambda: grp.getgrgid(54321), lambda: grp.getgrnam("taipan_no_group"), lambda: grp.getgrgid("x"),
             lambda: grp.getgrgid(1.5)]:
    try:
        call()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(pwd.struct_passwd(("n", "p", 1, 2, "g", "/d", "/s")))
