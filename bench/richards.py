"""Richards: an operating-system kernel simulation.

A tiny kernel schedules six tasks -- an idle task, a worker, two packet
handlers and two devices -- that pass packets to each other through
their input queues, holding, suspending and releasing one another as
in Martin Richards' classic scheduler benchmark.  Written for Taipan's
benchmark suite as an ordinary object-oriented Python program: one
class per task kind, packets as linked objects, the kernel as a class
that owns the task table.

usage: richards.py [RUNS]     (each run simulates 10000 idle ticks)
"""
# bench-size: default=50 quick=5

import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(1, 7)
KIND_DEVICE, KIND_WORK = 0, 1
BUFFER_SIZE = 4
IDLE_TICKS = 10000


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        """Put this packet at the end of `queue`; return the new head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    """A task control block: identity, priority, input queue and state."""

    def __init__(self, kernel, ident, priority, queue, waiting):
        self.kernel = kernel
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = queue is not None
        self.waiting = waiting
        self.holding = False
        self.link = kernel.tasks
        kernel.tasks = self
        kernel.table[ident] = self

    def blocked(self):
        return self.holding or (self.waiting and not self.packet_pending)

    def run(self):
        packet = None
        if self.waiting and self.packet_pending and not self.holding:
            packet = self.queue
            self.queue = packet.link
            self.packet_pending = self.queue is not None
            self.waiting = False
        return self.step(packet)

    def receive(self, packet, sender):
        """Queue `packet`; return the task that should run next."""
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > sender.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return sender

    def step(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, kernel, ticks):
        Task.__init__(self, kernel, IDLE, 0, None, False)
        self.control = 1
        self.ticks = ticks

    def step(self, packet):
        k = self.kernel
        self.ticks -= 1
        if self.ticks == 0:
            return k.hold_current()
        if self.control & 1 == 0:
            self.control >>= 1
            return k.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return k.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, kernel, queue):
        Task.__init__(self, kernel, WORKER, 1000, queue, True)
        self.destination = HANDLER_A
        self.count = 0

    def step(self, packet):
        k = self.kernel
        if packet is None:
            return k.wait_current()
        if self.destination == HANDLER_A:
            self.destination = HANDLER_B
        else:
            self.destination = HANDLER_A
        packet.dest = self.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = ord("A") + self.count - 1
        return k.send(packet)


class HandlerTask(Task):
    def __init__(self, kernel, ident, priority, queue):
        Task.__init__(self, kernel, ident, priority, queue, True)
        self.work_queue = None
        self.device_queue = None

    def step(self, packet):
        k = self.kernel
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_queue = packet.append_to(self.work_queue)
            else:
                self.device_queue = packet.append_to(self.device_queue)
        work = self.work_queue
        if work is not None:
            count = work.datum
            if count < BUFFER_SIZE:
                device = self.device_queue
                if device is not None:
                    self.device_queue = device.link
                    device.datum = work.data[count]
                    work.datum = count + 1
                    return k.send(device)
            else:
                self.work_queue = work.link
                return k.send(work)
        return k.wait_current()


class DeviceTask(Task):
    def __init__(self, kernel, ident, priority):
        Task.__init__(self, kernel, ident, priority, None, True)
        self.pending = None

    def step(self, packet):
        k = self.kernel
        if packet is None:
            packet = self.pending
            if packet is None:
                return k.wait_current()
            self.pending = None
            return k.send(packet)
        self.pending = packet
        k.output.append(packet.datum)
        return k.hold_current()


class Kernel:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 7
        self.current = None
        self.hold_count = 0
        self.send_count = 0
        self.output = []

    def hold_current(self):
        self.hold_count += 1
        self.current.holding = True
        return self.current.link

    def wait_current(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        task = self.table[ident]
        task.holding = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def send(self, packet):
        target = self.table[packet.dest]
        self.send_count += 1
        packet.link = None
        packet.dest = self.current.ident
        return target.receive(packet, self.current)

    def schedule(self):
        task = self.tasks
        while task is not None:
            if task.blocked():
                task = task.link
            else:
                self.current = task
                task = task.run()


def simulate():
    k = Kernel()
    IdleTask(k, IDLE_TICKS)
    queue = Packet(None, 0, KIND_WORK)
    queue = Packet(queue, 0, KIND_WORK)
    WorkerTask(k, queue)
    for handler, device, priority in ((HANDLER_A, DEVICE_A, 2000),
                                      (HANDLER_B, DEVICE_B, 3000)):
        queue = None
        for _ in range(3):
            queue = Packet(queue, device, KIND_DEVICE)
        HandlerTask(k, handler, priority, queue)
    DeviceTask(k, DEVICE_A, 4000)
    DeviceTask(k, DEVICE_B, 5000)
    k.schedule()
    return k


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    sends = holds = trace = 0
    for _ in range(runs):
        k = simulate()
        if (k.send_count, k.hold_count) != (23246, 9297):
            print("richards: wrong counts", k.send_count, k.hold_count)
            sys.exit(1)
        sends += k.send_count
        holds += k.hold_count
        for value in k.output:
            trace = (trace * 33 + value) % 1000000007
    print("checksum:", sends, holds, trace)


if __name__ == "__main__":
    main()
