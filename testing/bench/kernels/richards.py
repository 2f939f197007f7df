"""A small operating-system scheduler simulation in the spirit of Richards.

Six tasks (idle, worker, two handlers, two devices) pass packets to each
other through a priority scheduler. Exercises classes, subclass method
overrides, attribute access and linked lists of objects.
"""

import sys

ID_IDLE = 1
ID_WORKER = 2
ID_HANDLER_A = 3
ID_HANDLER_B = 4
ID_DEVICE_A = 5
ID_DEVICE_B = 6
NUM_IDS = 7

KIND_DEVICE = 0
KIND_WORK = 1

DATA_SIZE = 4


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.datum = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        """Append self at the end of the queue; return the new head."""
        self.link = None
        if queue is None:
            return self
        node = queue
        while node.link is not None:
            node = node.link
        node.link = self
        return queue


class Task:
    def __init__(self, system, ident, priority, queue):
        self.system = system
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pending = queue is not None
        self.waiting = queue is not None
        self.holding = False
        self.link = system.task_list
        system.task_list = self
        system.table[ident] = self

    def blocked(self):
        return self.holding or (not self.pending and self.waiting)

    def ready_with_packet(self):
        return self.pending and self.waiting and not self.holding

    def receive(self, packet, current):
        if self.queue is None:
            self.queue = packet
            self.pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current

    def step(self):
        if self.ready_with_packet():
            packet = self.queue
            self.queue = packet.link
            self.pending = self.queue is not None
            self.waiting = False
            self.holding = False
        else:
            packet = None
        return self.handle(packet)

    def handle(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, system, ident, priority, count):
        Task.__init__(self, system, ident, priority, None)
        self.control = 1
        self.count = count

    def handle(self, packet):
        sys_ = self.system
        self.count -= 1
        if self.count == 0:
            return sys_.hold_current()
        if self.control & 1 == 0:
            self.control >>= 1
            return sys_.release(ID_DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return sys_.release(ID_DEVICE_B)


class WorkerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue)
        self.target = ID_HANDLER_A
        self.letter = 0

    def handle(self, packet):
        if packet is None:
            return self.system.wait_current()
        if self.target == ID_HANDLER_A:
            self.target = ID_HANDLER_B
        else:
            self.target = ID_HANDLER_A
        packet.dest = self.target
        packet.datum = 0
        data = packet.data
        for i in range(DATA_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = 64 + self.letter
        return self.system.send(packet)


class HandlerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue)
        self.work = None
        self.devices = None

    def handle(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            index = work.datum
            if index < DATA_SIZE:
                dev = self.devices
                if dev is not None:
                    self.devices = dev.link
                    dev.datum = work.data[index]
                    work.datum = index + 1
                    return self.system.send(dev)
            else:
                self.work = work.link
                return self.system.send(work)
        return self.system.wait_current()


class DeviceTask(Task):
    def __init__(self, system, ident, priority):
        Task.__init__(self, system, ident, priority, None)
        self.waiting = True
        self.held = None
        self.output = 0

    def handle(self, packet):
        if packet is None:
            held = self.held
            if held is None:
                return self.system.wait_current()
            self.held = None
            return self.system.send(held)
        self.held = packet
        self.output = (self.output * 31 + packet.datum) & 0xFFFF
        return self.system.hold_current()


class System:
    def __init__(self):
        self.table = [None] * NUM_IDS
        self.task_list = None
        self.current = None
        self.hold_count = 0
        self.send_count = 0

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

    def run(self):
        task = self.task_list
        while task is not None:
            if task.blocked():
                task = task.link
            else:
                self.current = task
                task = task.step()


def simulate(idle_count):
    system = System()
    IdleTask(system, ID_IDLE, 0, idle_count)

    queue = Packet(None, 0, KIND_WORK)
    queue = Packet(queue, 0, KIND_WORK)
    WorkerTask(system, ID_WORKER, 1000, queue)

    queue = None
    for _ in range(3):
        queue = Packet(queue, ID_DEVICE_A, KIND_DEVICE)
    HandlerTask(system, ID_HANDLER_A, 2000, queue)

    queue = None
    for _ in range(3):
        queue = Packet(queue, ID_DEVICE_B, KIND_DEVICE)
    HandlerTask(system, ID_HANDLER_B, 3000, queue)

    dev_a = DeviceTask(system, ID_DEVICE_A, 4000)
    dev_b = DeviceTask(system, ID_DEVICE_B, 5000)

    system.run()
    return system.send_count, system.hold_count, dev_a.output, dev_b.output


def main(n):
    result = None
    for _ in range(n):
        result = simulate(10000)
    return result


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    sends, holds, out_a, out_b = main(n)
    print("richards %d sends=%d holds=%d out=%d,%d" % (n, sends, holds, out_a, out_b))
