#!/usr/bin/python3
"""Taipan's benchmark runner: bench/*.py under Taipan, CPython and PyPy.

Runs every selected program of bench/ under each interpreter,
interleaved (taipan cpython pypy taipan cpython pypy ...) so that
changes in machine load hit all three alike, REPEAT times; takes the
median time of each, checks each run's checksum line against CPython's
(a mismatch or a failure is reported as such, never as a time),
measures each run's peak RSS with /usr/bin/time, and prints a table
with the ratios Taipan/CPython and Taipan/PyPy and their geometric
means.

Run it with /usr/bin/python3 (Debian's CPython 3.11), usually as
`make bench` or `make bench BENCH_ARGS="--quick"`:

  tools/bench.py                      all benchmarks, default sizes, 3 repetitions
  tools/bench.py --quick              small sizes (a smoke test, about a minute)
  tools/bench.py nbody richards=10    only these, with an explicit size
  tools/bench.py -r 5 --metric wall   5 repetitions, wall-clock seconds
  tools/bench.py --taipan-flags="-X jit=off"
  tools/bench.py --startup            also time `-c pass` and `-c "import os, re, json, collections"`
  tools/bench.py --markdown out.md --json out.json
  tools/bench.py --modules            the module layer: bench/modules/ (re, json, pickle, decimal, ...)
  tools/bench.py --micro              micro-benchmarks: bench/micro/ (int/float arithmetic, str, dict, list, ...)

Each benchmark declares its sizes in a comment line
`# bench-size: default=N quick=M`; the program takes the size as its
only argument and prints one line starting with "checksum".

Debian's pypy3 and time packages are installed with apt-get when they
are missing (disable with --no-install; PyPy's column then reads n/a).
"""

import argparse
import json
import math
import os
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_DIR = os.path.join(ROOT, "bench")
TIME = "/usr/bin/time"
SIZE_LINE = re.compile(r"^#\s*bench-size:\s*default=(\d+)\s+quick=(\d+)", re.M)
IMPLS = ("taipan", "cpython", "pypy")


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- set-up

def apt_install(packages):
    """Install Debian packages non-interactively; update once if needed."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        log("bench: cannot install %s (not root or no apt-get)" % " ".join(packages))
        return False
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    cmd = ["apt-get", "install", "-y", "-q", "--no-install-recommends"] + packages
    log("bench: installing %s" % " ".join(packages))
    if subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL).returncode == 0:
        return True
    subprocess.run(["apt-get", "update", "-q"], env=env, stdout=subprocess.DEVNULL)
    return subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL).returncode == 0


def ensure_tools(args):
    if not os.access(TIME, os.X_OK):
        if args.no_install or not apt_install(["time"]):
            sys.exit("bench: %s is missing (Debian package `time`)" % TIME)
    if "pypy" in args.impls and not shutil.which(args.pypy):
        if args.no_install or args.pypy != "pypy3" or not apt_install(["pypy3"]):
            log("bench: no %s; PyPy's column will read n/a" % args.pypy)
            args.impls = [i for i in args.impls if i != "pypy"]
            args.pypy_missing = True


def discover(names, quick, bench_dir=BENCH_DIR):
    """[(name, path, size)] for the selected benchmarks."""
    available = {}
    for entry in sorted(os.listdir(bench_dir)):
        if entry.endswith(".py") and not entry.startswith("_"):
            path = os.path.join(bench_dir, entry)
            with open(path, encoding="utf-8") as f:
                m = SIZE_LINE.search(f.read())
            if m:
                available[entry[:-3]] = (path, int(m.group(1)), int(m.group(2)))
    if not names:
        names = list(available)
    chosen = []
    for spec in names:
        name, _, size = spec.partition("=")
        name = name[:-3] if name.endswith(".py") else os.path.basename(name)
        if name not in available:
            sys.exit("bench: no benchmark %r (have: %s)" % (name, " ".join(available)))
        path, default, small = available[name]
        chosen.append((name, path, int(size) if size else (small if quick else default)))
    return chosen


# ---------------------------------------------------------------- running

class Run:
    """One process: status 'ok' | 'fails' | 'timeout' | 'mismatch'."""

    def __init__(self):
        self.status = "ok"
        self.message = ""
        self.wall = self.cpu = None
        self.rss_kb = None
        self.checksum = None


def last_line(text):
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else ""


def run_once(argv, timeout):
    """Run argv under /usr/bin/time; return a Run with times and RSS."""
    run = Run()
    with tempfile.TemporaryDirectory(prefix="taipan-bench-") as tmp:
        tfile = os.path.join(tmp, "time")
        out_path = os.path.join(tmp, "out")
        err_path = os.path.join(tmp, "err")
        cmd = [TIME, "-f", "%e %U %S %M", "-o", tfile] + argv
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=err, cwd=ROOT, start_new_session=True)
            timed_out = threading.Event()

            def kill():
                timed_out.set()
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

            timer = threading.Timer(timeout, kill)
            timer.start()
            try:
                # wait4 gives the CPU time of /usr/bin/time and the
                # interpreter it waited for, to the microsecond
                _, status, usage = os.wait4(proc.pid, 0)
            finally:
                timer.cancel()
            run.wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
        run.cpu = usage.ru_utime + usage.ru_stime
        with open(out_path, encoding="utf-8", errors="replace") as f:
            stdout = f.read()
        with open(err_path, "rb") as f:
            f.seek(max(0, os.path.getsize(err_path) - 65536))
            stderr = f.read().decode("utf-8", "replace")
        try:
            with open(tfile) as f:
                tlines = f.read().splitlines()
        except OSError:
            tlines = []
    fields = tlines[-1].split() if tlines else []
    if len(fields) == 4 and fields[3].isdigit():
        run.rss_kb = int(fields[3])
    signalled = [l for l in tlines if l.startswith("Command terminated by signal")]
    checks = [l.strip() for l in stdout.splitlines() if l.startswith("checksum")]
    if timed_out.is_set():
        run.status, run.message = "timeout", "timeout after %ds" % timeout
    elif proc.returncode != 0 or signalled:
        run.status = "fails"
        run.message = last_line(stderr)
        if not run.message:
            if signalled:
                num = int(signalled[0].split()[-1])
                run.message = "killed by signal %d (%s)" % (num, signal.Signals(num).name)
            else:
                run.message = "exit status %d" % proc.returncode
    elif not checks:
        run.status, run.message = "fails", "no checksum line (%s)" % (last_line(stderr) or "no output")
    else:
        run.checksum = checks[-1]
    return run


class Cell:
    """All repetitions of one benchmark under one implementation."""

    def __init__(self):
        self.runs = []

    @property
    def failure(self):
        for r in self.runs:
            if r.status != "ok":
                return r
        return None

    def median(self, metric):
        return statistics.median(getattr(r, metric) for r in self.runs)

    def peak_rss_mb(self):
        values = [r.rss_kb for r in self.runs if r.rss_kb is not None]
        return max(values) / 1024.0 if values else None


def interpreter_argv(args, impl):
    if impl == "taipan":
        return [args.taipan] + shlex.split(args.taipan_flags)
    if impl == "cpython":
        return [args.cpython] + shlex.split(args.cpython_flags)
    return [shutil.which(args.pypy) or args.pypy] + shlex.split(args.pypy_flags)


def run_all(args, benchmarks):
    results = {}
    for name, path, size in benchmarks:
        cells = {impl: Cell() for impl in args.impls}
        results[name] = (size, cells)
        script = os.path.relpath(path, ROOT)
        for rep in range(args.repeat):
            for impl in args.impls:
                cell = cells[impl]
                if cell.failure is not None and cell.failure.status != "mismatch":
                    continue        # a crash or time-out does not get better
                run = run_once(interpreter_argv(args, impl) + [script, str(size)],
                               args.timeout)
                cell.runs.append(run)
                log("  %-16s %-8s #%d  %-8s %6.2fs cpu %6.2fs wall %s"
                    % (name, impl, rep + 1, run.status, run.cpu, run.wall,
                       run.message[:80]))
        # check every run against CPython's checksum
        reference = None
        if "cpython" in cells:
            good = [r.checksum for r in cells["cpython"].runs if r.status == "ok"]
            reference = good[0] if good else None
        for impl, cell in cells.items():
            for r in cell.runs:
                if r.status == "ok" and reference is not None and r.checksum != reference:
                    r.status = "mismatch"
                    r.message = "checksum %r, CPython %r" % (r.checksum[:60], reference[:60])
    return results


STARTUP_COMMANDS = ["pass", "import os, re, json, collections"]


def run_startup(args, count=30):
    """Median and min wall time of each `-c` start-up command per implementation, interleaved."""
    out = {}
    for code in STARTUP_COMMANDS:
        times = {impl: [] for impl in args.impls}
        for _ in range(count):
            for impl in args.impls:
                start = time.perf_counter()
                subprocess.run(interpreter_argv(args, impl) + ["-c", code],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times[impl].append(time.perf_counter() - start)
        out[code] = {impl: (statistics.median(v) * 1000, min(v) * 1000) for impl, v in times.items()}
    return out


# ---------------------------------------------------------------- report

def geomean(values):
    values = [v for v in values if v and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt_time(cell, metric):
    if cell is None:
        return "n/a"
    failure = cell.failure
    if failure is not None:
        return {"fails": "fails", "timeout": "timeout", "mismatch": "mismatch"}[failure.status]
    return "%.2f" % cell.median(metric)


def fmt(value, pattern):
    return pattern % value if value is not None else "-"


def build_rows(args, results):
    metric = args.metric
    rows = []
    ratios_c, ratios_p = [], []
    per_impl = {impl: [] for impl in IMPLS}
    rss = {impl: [] for impl in IMPLS}
    for name, (size, cells) in results.items():
        get = cells.get
        t, c, p = get("taipan"), get("cpython"), get("pypy")

        def ok_time(cell):
            return cell.median(metric) if cell is not None and cell.failure is None else None

        tt, ct, pt = ok_time(t), ok_time(c), ok_time(p)
        r_c = tt / ct if tt and ct else None
        r_p = tt / pt if tt and pt else None
        if r_c:
            ratios_c.append(r_c)
        if r_p:
            ratios_p.append(r_p)
        if tt and ct and (pt or "pypy" not in cells):
            for impl, v in (("taipan", tt), ("cpython", ct), ("pypy", pt)):
                if v:
                    per_impl[impl].append(v)
        mem = {}
        for impl in IMPLS:
            cell = get(impl)
            mem[impl] = cell.peak_rss_mb() if cell is not None and cell.failure is None else None
            if mem[impl]:
                rss[impl].append(mem[impl])
        notes = []
        for impl in IMPLS:
            cell = get(impl)
            if cell is not None and cell.failure is not None:
                f = cell.failure
                label = "fails" if f.status in ("fails", "timeout") else f.status
                notes.append("%s %s: %s" % (impl, label, f.message))
        rows.append([name, str(size), fmt_time(t, metric), fmt_time(c, metric),
                     fmt_time(p, metric), fmt(r_c, "%.2f"), fmt(r_p, "%.2f"),
                     fmt(mem["taipan"], "%.0f"), fmt(mem["cpython"], "%.0f"),
                     fmt(mem["pypy"], "%.0f"), "; ".join(notes)])
    g = [geomean(per_impl[i]) for i in IMPLS]
    rows.append(["geometric mean", "", fmt(g[0], "%.2f"), fmt(g[1], "%.2f"),
                 fmt(g[2], "%.2f"), fmt(geomean(ratios_c), "%.2f"),
                 fmt(geomean(ratios_p), "%.2f"),
                 fmt(geomean(rss["taipan"]), "%.0f"), fmt(geomean(rss["cpython"]), "%.0f"),
                 fmt(geomean(rss["pypy"]), "%.0f"),
                 "times: over the %d rows where all ran; ratios: over each pair's rows (%d and %d)"
                 % (len(per_impl["taipan"]), len(ratios_c), len(ratios_p))])
    return rows


HEADER = ["benchmark", "size", "taipan s", "cpython s", "pypy s",
          "taipan/cpython", "taipan/pypy", "taipan MB", "cpython MB", "pypy MB", "notes"]


def text_table(rows):
    widths = [max(len(r[i]) for r in [HEADER] + rows) for i in range(len(HEADER) - 1)]
    lines = []
    for k, row in enumerate([HEADER] + rows):
        cells = [row[0].ljust(widths[0])] + [row[i].rjust(widths[i]) for i in range(1, len(widths))]
        lines.append("  ".join(cells + [row[-1]]).rstrip())
        if k == 0 or k == len(rows) - 1:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows):
    out = ["| " + " | ".join(HEADER) + " |",
           "|" + "|".join(["---"] + ["---:"] * (len(HEADER) - 2) + ["---"]) + "|"]
    for row in rows:
        cells = [c.replace("|", "\\|") for c in row]
        if row[0] == "geometric mean":
            cells = ["**%s**" % c if c and i < len(cells) - 1 else c for i, c in enumerate(cells)]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def version_of(argv):
    try:
        out = subprocess.run(argv + ["-c", "import sys; print(sys.version.split()[0], "
                                           "sys.implementation.name)"],
                             capture_output=True, text=True, timeout=30)
        return out.stdout.strip() or last_line(out.stderr)
    except (OSError, subprocess.TimeoutExpired) as e:
        return str(e)


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%d CPUs (nproc), %s, load average %.1f" % (os.cpu_count(), model, os.getloadavg()[0])


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("benchmarks", nargs="*", metavar="NAME[=SIZE]",
                    help="benchmarks to run (default: all of bench/)")
    ap.add_argument("-r", "--repeat", type=int, default=3, help="repetitions (default 3)")
    ap.add_argument("--quick", action="store_true", help="small sizes (smoke test)")
    ap.add_argument("--metric", choices=("cpu", "wall"), default="cpu",
                    help="seconds reported: cpu = user+sys of the process (default; "
                         "robust on a shared machine), wall = elapsed")
    ap.add_argument("--impls", default="taipan,cpython,pypy",
                    help="comma-separated subset of taipan,cpython,pypy")
    ap.add_argument("--taipan", default=os.path.join(ROOT, "build", "taipan"))
    ap.add_argument("--cpython", default="/usr/bin/python3")
    ap.add_argument("--pypy", default="pypy3")
    ap.add_argument("--taipan-flags", default="", help='e.g. "-X jit=off"')
    ap.add_argument("--cpython-flags", default="")
    ap.add_argument("--pypy-flags", default="")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per run (default 300)")
    ap.add_argument("--no-install", action="store_true", help="never run apt-get")
    ap.add_argument("--startup", action="store_true", help="also time start-up: `-c pass` and `-c 'import os, re, json, collections'`")
    ap.add_argument("--list", action="store_true", help="list benchmarks and sizes")
    ap.add_argument("--modules", action="store_true",
                    help="run the standard-library module benchmarks of bench/modules/ instead")
    ap.add_argument("--micro", action="store_true",
                    help="run the micro-benchmarks of bench/micro/ instead")
    ap.add_argument("--markdown", metavar="FILE", help="also write the table as Markdown")
    ap.add_argument("--json", metavar="FILE", help="also write every run as JSON")
    args = ap.parse_args()
    args.impls = [i for i in args.impls.split(",") if i]
    args.pypy_missing = False
    for impl in args.impls:
        if impl not in IMPLS:
            ap.error("unknown implementation %r" % impl)
    if args.modules and args.micro:
        ap.error("--modules and --micro are exclusive")
    bench_dir = (os.path.join(BENCH_DIR, "modules") if args.modules else
                 os.path.join(BENCH_DIR, "micro") if args.micro else BENCH_DIR)
    benchmarks = discover(args.benchmarks, args.quick, bench_dir)
    if args.list:
        for name, path, size in benchmarks:
            print("%-18s %s" % (name, size))
        return 0
    ensure_tools(args)
    if "taipan" in args.impls and not os.access(args.taipan, os.X_OK):
        sys.exit("bench: no Taipan binary at %s (run make)" % args.taipan)
    versions = {impl: version_of(interpreter_argv(args, impl)) for impl in args.impls}
    log("bench: %s" % machine())
    for impl in args.impls:
        log("bench: %-8s %s  (%s)" % (impl, " ".join(interpreter_argv(args, impl)), versions[impl]))
    log("bench: %d benchmarks x %d implementations x %d repetitions, metric %s"
        % (len(benchmarks), len(args.impls), args.repeat, args.metric))
    results = run_all(args, benchmarks)
    rows = build_rows(args, results)
    title = ("%s seconds (median of %d), peak RSS in MB (max over runs)"
             % ("CPU (user+sys)" if args.metric == "cpu" else "wall-clock", args.repeat))
    print(title)
    print(text_table(rows))
    startup = None
    if args.startup:
        startup = run_startup(args)
        for code, by_impl in startup.items():
            print("\nstart-up, `-c '%s'` (median / min of 30, wall ms):" % code)
            for impl, (med, low) in by_impl.items():
                print("  %-8s %7.1f / %6.1f" % (impl, med, low))
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(title + "\n\n" + markdown_table(rows) + "\n")
    if args.json:
        data = {"machine": machine(), "metric": args.metric, "repeat": args.repeat,
                "versions": versions, "startup_ms": startup, "benchmarks": {}}
        for name, (size, cells) in results.items():
            data["benchmarks"][name] = {"size": size, "runs": {
                impl: [vars(r) for r in cell.runs] for impl, cell in cells.items()}}
        with open(args.json, "w") as f:
            json.dump(data, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
