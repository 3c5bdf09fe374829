def add(item, bucket=[]):
    bucket.append(item)
    return bucket


print(add(1))
print(add(2))
print(add(3, []))
print(add(4))


def add_safe(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


print(add_safe(1), add_safe(2))
