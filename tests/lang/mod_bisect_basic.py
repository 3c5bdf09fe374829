# bisect/insort left and right with lo and hi.
import bisect

a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect(a, 2), bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 9))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_left(a, 2, 0, 2), bisect.bisect_right(a, 5, hi=3), bisect.bisect_left(a, 2, lo=4))
l = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort(l, x)
print(l)
bisect.insort_left(l, 4)
bisect.insort_right(l, 4)
print(l)
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
class L(list):
    def insert(self, i, x):
        print('  insert', i, x)
        list.insert(self, i, x)
sub = L([1, 3])
bisect.insort(sub, 2)
print(sub)
class Seq:
    def __len__(self): return 4
    def __getitem__(self, i):
        print('  get', i)
        return i * 10
print(bisect.bisect_left(Seq(), 25))
