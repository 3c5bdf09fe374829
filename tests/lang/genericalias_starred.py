# Iterating a types.GenericAlias yields it starred (PEP 646): *tuple[int].
a = (*tuple[int],)[0]
print(repr(a), type(a).__name__, a.__unpacked__, tuple[int].__unpacked__)
print(a == tuple[int], a == (*tuple[int],)[0], list(iter(list[str])))
print(a.__typing_unpacked_tuple_args__, tuple[int].__typing_unpacked_tuple_args__,
      (*list[int],)[0].__typing_unpacked_tuple_args__)
print(a.__origin__, a.__args__, hash(a) == hash(tuple[int]))
def f(*args: *tuple[int, str]): pass
print(f.__annotations__)
