# timeout-scale: 12
# gcstress-every: 2000
# venv and pip: `python -m venv DIR` makes an environment whose bin/python runs
# this implementation with its own site-packages; pip (ensurepip's wheel)
# installs a wheel made here with --no-index; pip list shows it; the console
# script pip generates runs; importlib.metadata finds the distribution and its
# entry points; site reads .pth files; sysconfig's paths are the venv's.
# Only what is the same for every implementation is printed (no versions, no
# paths naming the interpreter).
import base64, hashlib, os, subprocess, sys, tempfile, zipfile

# pip under a collection every few allocations would take hours: the stress
# run stresses this program, not pip.
env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON")) and k != "TAIPAN_GCSTRESS"}
env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_COLOR="1",
           PIP_NO_CACHE_DIR="1", PYTHONDONTWRITEBYTECODE="1")


def run(*cmd, show=True):
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode or show == "err":
        print("exit", p.returncode)
        print(p.stderr)
    return p.stdout


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def make_wheel(where):
    info = "hello_tp-1.0.dist-info"
    files = {
        "hello_tp/__init__.py": b"import sys\n\ndef main():\n    print('hello from', __name__, sys.argv[1:])\n    return 3\n",
        info + "/METADATA": b"Metadata-Version: 2.1\nName: hello-tp\nVersion: 1.0\nSummary: A test package\n",
        info + "/WHEEL": b"Wheel-Version: 1.0\nGenerator: by-hand\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        info + "/entry_points.txt": b"[console_scripts]\nhello-tp = hello_tp:main\n\n[hello_tp.plugins]\nfirst = hello_tp:main\n",
    }
    path = os.path.join(where, "hello_tp-1.0-py3-none-any.whl")
    with zipfile.ZipFile(path, "w") as z:
        lines = []
        for name, data in files.items():
            z.writestr(name, data)
            lines.append(record_line(name, data))
        lines.append(info + "/RECORD,,")
        z.writestr(info + "/RECORD", "\n".join(lines) + "\n")
    return path


with tempfile.TemporaryDirectory() as tmp:
    venv = os.path.join(tmp, "v")
    run(sys.executable, "-m", "venv", venv)
    bin_dir = os.path.join(venv, "bin")
    py = os.path.join(bin_dir, "python")
    print("bin/python:", os.path.islink(py), os.access(py, os.X_OK))
    print("bin/pip:", os.path.exists(os.path.join(bin_dir, "pip")))
    with open(os.path.join(venv, "pyvenv.cfg")) as f:
        cfg = dict(line.split(" = ", 1) for line in f.read().splitlines() if " = " in line)
    print("pyvenv.cfg:", sorted(cfg), cfg["include-system-site-packages"])

    # A venv made from the venv's python has the same base.
    venv2 = os.path.join(tmp, "v2")
    run(py, "-m", "venv", "--without-pip", venv2)
    with open(os.path.join(venv2, "pyvenv.cfg")) as f:
        cfg2 = dict(line.split(" = ", 1) for line in f.read().splitlines() if " = " in line)
    print("venv from a venv:", cfg2["home"] == cfg["home"], cfg2["executable"] == cfg["executable"],
          os.path.realpath(os.path.join(venv2, "bin", "python")) == os.path.realpath(py))

    # Debian's pip (python3-pip) outside a venv, and inside one that sees
    # the system's packages.
    print("system pip:", run(sys.executable, "-m", "pip", "--version").split()[:1])
    venv3 = os.path.join(tmp, "v3")
    run(sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", venv3)
    py3 = os.path.join(venv3, "bin", "python")
    out = run(py3, "-m", "pip", "--version").split()
    print("system-site-packages venv:", out[:1], "/usr/lib/python3/dist-packages/pip" in out)
    out = run(py3, "-c", "import site, sys; print(sys.prefix == sys.base_prefix, "
              "'/usr/lib/python3/dist-packages' in sys.path, site.ENABLE_USER_SITE)")
    print("its site:", out.strip())

    # The interpreter as the environment sees it.
    probe = r'''
import os, site, sys, sysconfig
venv = os.path.realpath(sys.argv[1])
def rel(p):
    p = os.path.realpath(p)
    return "VENV" + p[len(venv):] if p.startswith(venv) else "BASE"
sp = os.path.join(venv, "lib", "python3.11", "site-packages")
print("executable", sys.executable == os.path.join(sys.argv[1], "bin", "python"))
print("base executable", sys._base_executable == os.path.realpath(sys.executable) != sys.executable)
print("prefix", rel(sys.prefix), rel(sys.exec_prefix), rel(sys.base_prefix), rel(sys.base_exec_prefix))
print("base_prefix differs", sys.base_prefix != sys.prefix)
print("site-packages", [rel(p) for p in site.getsitepackages()], sp in sys.path)
print("ahead of the stdlib", sys.path.index(sp) > sys.path.index(os.path.dirname(os.__file__)))
print("system dist-packages", any("dist-packages" in p for p in sys.path))
print("user site", site.ENABLE_USER_SITE)
print("pth", sys.path[-1] == os.path.join(venv, "extra"), "PTH_RAN" in os.environ)
print("paths", {k: rel(v) for k, v in sorted(sysconfig.get_paths().items()) if k in ("purelib", "platlib", "scripts", "data")})
print("scheme", sysconfig.get_default_scheme())
print("BINDIR", sysconfig.get_config_var("BINDIR") == os.path.dirname(os.path.realpath(sys._base_executable)))
print("vars", rel(sysconfig.get_config_var("prefix")) if sysconfig.get_config_var("prefix") else None,
      sysconfig.get_config_var("py_version_short"), sysconfig.get_python_version())
'''
    sp = os.path.join(venv, "lib", "python3.11", "site-packages")
    os.mkdir(os.path.join(venv, "extra"))
    with open(os.path.join(sp, "zz_test.pth"), "w") as f:
        f.write("# a comment\n" + os.path.join(venv, "extra") + "\n" + os.path.join(venv, "missing") + "\n"
                "import os; os.environ['PTH_RAN'] = '1'\n")
    print(run(py, "-c", probe, venv), end="")

    wheel = make_wheel(tmp)
    out = run(py, "-m", "pip", "install", "--no-index", wheel)
    print([line for line in out.splitlines() if line.startswith("Successfully")])
    out = run(py, "-m", "pip", "list", "--format=freeze")
    print([line for line in out.splitlines() if line.startswith("hello")])
    out = run(py, "-m", "pip", "show", "hello-tp")
    print([line for line in out.splitlines() if line.startswith(("Name", "Version", "Summary"))])

    script = os.path.join(bin_dir, "hello-tp")
    with open(script) as f:
        print("shebang names bin/python:", f.readline().strip() == "#!" + py)
    p = subprocess.run([script, "a", "b"], capture_output=True, text=True, env=env)
    print("console script:", p.stdout.strip(), "exit", p.returncode, p.stderr)

    meta = r'''
import importlib.metadata as md
print(md.version("hello-tp"), md.metadata("hello-tp")["Summary"])
eps = md.entry_points(group="console_scripts")
print([(e.name, e.value, e.group) for e in eps if e.name == "hello-tp"])
ep, = md.entry_points(group="hello_tp.plugins", name="first")
print(ep.load()(), ep.module, ep.attr)
dist = md.distribution("hello-tp")
print(sorted(str(f) for f in dist.files if not str(f).endswith(".pyc") and "bin" not in str(f)))
print(sorted(d.metadata["Name"] for d in md.distributions() if d.metadata["Name"] == "hello-tp"))
'''
    print(run(py, "-c", meta), end="")

    # A source tree (setup.py, no pyproject.toml): setuptools from the venv,
    # pip's legacy `setup.py install` since the wheel package is not there.
    src = os.path.join(tmp, "hello-src")
    os.makedirs(os.path.join(src, "hello_src"))
    with open(os.path.join(src, "setup.py"), "w") as f:
        f.write("from setuptools import setup\n"
                "setup(name='hello-src', version='0.2', packages=['hello_src'],\n"
                "      entry_points={'console_scripts': ['hello-src = hello_src:main']})\n")
    with open(os.path.join(src, "hello_src", "__init__.py"), "w") as f:
        f.write("def main():\n    print('hello from the source tree')\n")
    p = subprocess.run([py, "-m", "pip", "install", "--no-index", "--no-build-isolation", "./hello-src"],
                       capture_output=True, text=True, env=env, cwd=tmp)
    print("source tree:", p.returncode, [l for l in p.stdout.splitlines() if l.startswith("Successfully")])
    if p.returncode:
        print(p.stdout, p.stderr)
    p = subprocess.run([os.path.join(bin_dir, "hello-src")], capture_output=True, text=True, env=env)
    print("its script:", p.stdout.strip(), p.returncode, p.stderr)
    print(run(py, "-c", "import importlib.metadata as md; print(md.version('hello-src'))"), end="")

    out = run(py, "-m", "pip", "uninstall", "-y", "hello-tp")
    print([line.strip() for line in out.splitlines() if "Successfully" in line])
    print("script after uninstall:", os.path.exists(script))
