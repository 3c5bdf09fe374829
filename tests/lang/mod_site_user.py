# gcstress-every: 100
# timeout-scale: 3
# site outside a venv: the user site (PYTHONUSERBASE) with its .pth files,
# -s and PYTHONNOUSERSITE turning it off, -I ignoring the variables, and
# site.main's answers.  Paths are printed relative to the temporary base.
import os, subprocess, sys, tempfile

with tempfile.TemporaryDirectory() as base:
    base = os.path.realpath(base)
    user_site = os.path.join(base, "lib", "python3.11", "site-packages")
    os.makedirs(user_site)
    os.mkdir(os.path.join(base, "added"))
    with open(os.path.join(user_site, "a_first.pth"), "w") as f:
        f.write("# comment\n\n" + os.path.join(base, "added") + "\n" + os.path.join(base, "added") + "\n"
                "import os; os.environ['USER_PTH'] = 'ran'\n" + os.path.join(base, "nonexistent") + "\n")
    with open(os.path.join(user_site, "b_broken.pth"), "w") as f:
        f.write("import nonexistent_module_xyz\n")
    with open(os.path.join(user_site, ".hidden.pth"), "w") as f:
        f.write("import os; os.environ['HIDDEN_PTH'] = 'ran'\n")
    with open(os.path.join(user_site, "usermod.py"), "w") as f:
        f.write("where = 'user site'\n")
    probe = r'''
import os, site, sys
base = os.environ.get("BASE", "")
def rel(p):
    return "BASE" + p[len(base):] if base and p.startswith(base) else p
print("user site", site.ENABLE_USER_SITE, rel(site.getuserbase()), rel(site.getusersitepackages()))
print("on path", [rel(p) for p in sys.path if p.startswith(base)] if base else None)
print("pth", os.environ.get("USER_PTH"), os.environ.get("HIDDEN_PTH"))
try:
    import usermod
    print(usermod.where)
except ImportError as e:
    print(type(e).__name__, e)
print("prefixes", sys.prefix == sys.base_prefix, sys.exec_prefix == sys.base_exec_prefix)
'''
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONUSERBASE=base, BASE=base)
    for args, extra in [([], {}), (["-s"], {}), ([], {"PYTHONNOUSERSITE": "1"}), (["-I"], {}), (["-S"], {})]:
        p = subprocess.run([sys.executable, *args, "-c", probe], capture_output=True, text=True, env={**env, **extra})
        print(args, sorted(extra), "exit", p.returncode)
        print(p.stdout, end="")
        err = [l for l in p.stderr.splitlines() if "Error" in l or "Error processing" in l or "line" in l]
        print("stderr:", [l.replace(base, "BASE").strip() for l in err][:3])
