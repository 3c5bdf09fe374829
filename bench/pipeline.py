"""Generator and coroutine pipeline: streaming sensor-data processing.

Raw CSV-like lines from simulated sensors flow through a chain of
generators (parse, validate, de-duplicate, enrich, sliding windows,
batching with itertools) and are then broadcast to coroutine sinks
driven with send(): per-sensor running statistics, an anomaly
detector, a rate limiter that routes alerts through a nested
coroutine, and a rolling top-k.  `yield from` delegation, generator
close()/throw() clean-up and generator expressions are all used, the
way an event-processing script is written in Python.

usage: pipeline.py [EVENTS]
"""
# bench-size: default=400000 quick=20000

import collections
import functools
import heapq
import itertools
import sys


def coroutine(func):
    """Decorator: create the generator and advance it to its first yield."""
    @functools.wraps(func)
    def start(*args, **kwargs):
        gen = func(*args, **kwargs)
        next(gen)
        return gen
    return start


def sensor_lines(count, seed=2024):
    state = seed
    for i in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        sensor = "s%02d" % (state % 37)
        value = (state >> 7) % 2000 - 1000
        if state % 97 == 0:
            yield "garbage line %d" % i
        elif state % 89 == 0:
            yield "%d,%s,NaN" % (i, sensor)
        else:
            yield "%d,%s,%d.%d" % (i // 3, sensor, value // 10, abs(value) % 10)


def parse(lines):
    for line in lines:
        parts = line.split(",")
        if len(parts) != 3:
            continue
        stamp, sensor, raw = parts
        try:
            value = float(raw)
        except ValueError:
            continue
        if value != value:      # NaN
            continue
        yield int(stamp), sensor, value


def deduplicate(records):
    seen = collections.OrderedDict()
    for record in records:
        key = (record[0], record[1])
        if key in seen:
            continue
        seen[key] = True
        if len(seen) > 512:
            seen.popitem(last=False)
        yield record


def enrich(records, calibration):
    for stamp, sensor, value in records:
        offset, gain = calibration.get(sensor, (0.0, 1.0))
        yield {"t": stamp, "sensor": sensor, "raw": value,
               "value": round((value + offset) * gain, 3)}


def windows(records, size):
    window = collections.deque(maxlen=size)
    for record in records:
        window.append(record["value"])
        if len(window) == size:
            yield record, sum(window) / size


def flatten_batches(records, size):
    """Group into batches with islice, then re-emit with `yield from`."""
    it = iter(records)
    while True:
        batch = list(itertools.islice(it, size))
        if not batch:
            return
        batch.sort(key=lambda pair: (pair[0]["sensor"], pair[0]["t"]))
        yield from batch


@coroutine
def broadcast(targets):
    try:
        while True:
            item = yield
            for target in targets:
                target.send(item)
    finally:
        for target in targets:
            target.close()


@coroutine
def statistics(result):
    per_sensor = {}
    try:
        while True:
            record, mean = yield
            stats = per_sensor.setdefault(record["sensor"], [0, 0.0, float("inf"), float("-inf")])
            stats[0] += 1
            stats[1] += record["value"]
            stats[2] = min(stats[2], record["value"])
            stats[3] = max(stats[3], record["value"])
    except GeneratorExit:
        result["stats"] = per_sensor
        raise


@coroutine
def rate_limited(sink, per_window, window):
    sent = collections.deque()
    dropped = 0
    try:
        while True:
            alert = yield
            while sent and sent[0] <= alert[0] - window:
                sent.popleft()
            if len(sent) < per_window:
                sent.append(alert[0])
                sink.send(alert)
            else:
                dropped += 1
    finally:
        sink.send(("dropped", dropped))
        sink.close()


@coroutine
def alert_log(result):
    log = []
    try:
        while True:
            log.append((yield))
    finally:
        result["alerts"] = log


@coroutine
def anomalies(alerts, threshold):
    while True:
        record, mean = yield
        if abs(record["value"] - mean) > threshold:
            alerts.send((record["t"], record["sensor"], round(record["value"] - mean, 2)))


@coroutine
def top_k(result, k):
    heap = []
    counter = itertools.count()
    try:
        while True:
            record, mean = yield
            item = (record["value"], -record["t"], next(counter), record["sensor"])
            if len(heap) < k:
                heapq.heappush(heap, item)
            elif item > heap[0]:
                heapq.heapreplace(heap, item)
    except GeneratorExit:
        result["top"] = [(v, s) for v, _, _, s in sorted(heap, reverse=True)]


def run(count):
    result = {}
    calibration = {"s%02d" % i: (i / 10.0, 1.0 + i / 100.0) for i in range(0, 37, 3)}
    stream = flatten_batches(
        windows(enrich(deduplicate(parse(sensor_lines(count))), calibration), 8), 64)
    alerts = rate_limited(alert_log(result), per_window=5, window=100)
    sink = broadcast([statistics(result), anomalies(alerts, 95.0), top_k(result, 10)])
    processed = 0
    for item in stream:
        sink.send(item)
        processed += 1
    sink.close()
    alerts.close()
    return processed, result


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 400000
    processed, result = run(count)
    stats = result["stats"]
    summary = sum(n for n, _, _, _ in stats.values())
    total = round(sum(s for _, s, _, _ in stats.values()), 1)
    spread = round(sum(hi - lo for _, _, lo, hi in stats.values()), 3)
    alerts = result["alerts"]
    dropped = alerts[-1][1]
    running = list(itertools.accumulate(len(a) for a in alerts[:-1]))
    print("checksum:", processed, len(stats), summary, "%.1f" % total, "%.3f" % spread,
          len(alerts) - 1, dropped, running[-1] if running else 0,
          result["top"][:3])


if __name__ == "__main__":
    main()
