# -v and PYTHONVERBOSE: every import is reported on stderr as
# "import 'NAME' # LOADER", in the order the imports finish, for modules the
# C finder loads too.  Only the test's own modules are compared (the
# standard library's are loaded differently: extensions, frozen modules).
import os, re, subprocess, sys, tempfile

with tempfile.TemporaryDirectory() as d:
    os.mkdir(os.path.join(d, "vpkg"))
    files = {"vpkg/__init__.py": "from . import inner\n", "vpkg/inner.py": "import vmod\n",
             "vmod.py": "x = 1\n", "vmain.py": "import vpkg\nimport vmod\nimport sys\nprint('ran', 'vpkg' in sys.modules)\n"}
    for name, text in files.items():
        with open(os.path.join(d, name), "w") as f:
            f.write(text)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for args, extra in [(["-v"], {}), ([], {"PYTHONVERBOSE": "1"}), ([], {}), (["-E"], {"PYTHONVERBOSE": "1"})]:
        p = subprocess.run([sys.executable, *args, "vmain.py"], cwd=d, capture_output=True, text=True,
                           env={**env, **extra})
        mine = [re.sub(r" at 0x[0-9a-f]+", " at ADDR", l) for l in p.stderr.splitlines()
                if l.startswith(("import 'vpkg", "import 'vmod"))]
        print(args, sorted(extra), p.returncode, p.stdout.strip())
        for l in mine:
            print("  ", l)
        print("   verbose lines at all:", any(l.startswith("import ") for l in p.stderr.splitlines()))
