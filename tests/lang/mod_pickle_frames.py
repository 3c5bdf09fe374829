# Protocol 4+ framing: frames close at the first opcode boundary past 64 KiB,
# large bytes/str payloads go outside frames, and dump() to a file streams frames.
# gcstress-every: 20
import io
import pickle


def digest(data):
    h = 0
    for i in range(0, len(data), 7):
        h = (h * 31 + data[i]) % 1000000007
    return len(data), h


class Recorder:
    def __init__(self):
        self.chunks = []

    def write(self, b):
        self.chunks.append(bytes(b))


# Few objects, many bytes: frame boundaries without a heavy object graph.
big_list = [("item%d" % i) * 700 for i in range(60)]
big_bytes = b"x" * 70000
big_str = "y" * 70000
mixed = [big_list[:10], big_bytes, {"k": big_str}, list(range(3000)), b"z" * 65536, b"w" * 65535,
         "v" * 65530, b"u" * 65528]

for proto in (3, 4, 5):
    for name, obj in (("list", big_list), ("bytes", big_bytes), ("str", big_str), ("mixed", mixed)):
        data = pickle.dumps(obj, proto)
        print(proto, name, digest(data), data[:14])
        assert pickle.loads(data) == obj
        rec = Recorder()
        pickle.dump(obj, rec, proto)
        print("  writes:", [len(c) for c in rec.chunks])
        assert b"".join(rec.chunks) == data
        f = io.BytesIO(data + b"trailing")
        assert pickle.load(f) == obj
        print("  pos after load:", f.tell(), len(data))

# frames as pickletools sees them
import pickletools
ops = [op.name for op, arg, pos in pickletools.genops(pickle.dumps(mixed, 4))]
print(ops.count("FRAME"), len(ops))
