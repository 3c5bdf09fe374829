# except* errors: group types cannot be caught, non-exceptions are refused,
# and break/continue/return cannot leave an except* clause.
for t in (ExceptionGroup, BaseExceptionGroup, (ValueError, ExceptionGroup), int, (ValueError, 3)):
    try:
        try:
            raise ValueError(1)
        except* t:
            pass
    except TypeError as e:
        print(type(t).__name__, e)

sources = [
    "for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        break\n",
    "for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return\n",
    "def f(x):\n    try:\n        pass\n    except* ValueError:\n        return x + 1\n",
    "while True:\n    try:\n        pass\n    except* ValueError:\n        try:\n            pass\n        finally:\n            continue\n",
    # allowed: a loop or a function inside the clause
    "try:\n    pass\nexcept* ValueError:\n    for i in range(3):\n        break\n    def g():\n        return 2\n",
    "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n",
    "try:\n    pass\nexcept* TypeError:\n    pass\nexcept ValueError:\n    pass\n",
    "try:\n    pass\nexcept*:\n    pass\n",
    "try:\n    pass\nexcept* ValueError, TypeError:\n    pass\n",
]
for src in sources:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))
