# A slice bound whose __index__ empties the list (or bytearray) being sliced.
class Evil:
    def __init__(self, seq): self.seq = seq
    def __index__(self):
        self.seq.clear()
        return 1
for make in (list, bytearray):
    seq = make(b"abcdef") if make is bytearray else make(range(6))
    print(seq[0:Evil(seq)], seq)
    seq = make(b"abcdef") if make is bytearray else make(range(6))
    print(seq[0:Evil(seq):2], seq)
    seq = make(b"abcdef") if make is bytearray else make(range(6))
    seq[0:Evil(seq)] = make(b"xy") if make is bytearray else [7, 8]
    print(seq)
    seq = make(b"abcdef") if make is bytearray else make(range(6))
    del seq[Evil(seq)::2]
    print(seq)
