# SyntaxWarnings from the compiler and the tokenizer, and the SyntaxError a
# filter that makes them errors turns them into.
import warnings

cases = [
    'x is 1', 'x is "thing"', '1 is x', 'x is y is 1', 'x is not 1', 'x is ()', 'x is -1',
    'x is (1, 2)', 'x is ...', 'x is None', 'x is True', 'x is 1+2j', 'x is b"x"',
    'if x is 1: pass', 'x is y',
    'assert(x, "msg")', 'assert(False,)', 'assert x, "msg"', 'assert()',
    '[(1, 2) (3, 4)]', '[(x, y) (3, 4)]', '[1 [2]]', '[{1} [1]]', '[1 (2, 3)]', '[f"a" (1)]',
    '[[1] (2)]', '[(x for x in y) [0]]', '[None [0]]', '[x [1]]',
    '[[1, 2] [3, 4]]', '["abc" [1, 2]]', '[(1, 2) ["a"]]', '[[1] [1:2]]', '[[1] [x]]',
    '0xfor x in ()', '1in x', '0x1for x in ()', '1is x', '12jis x', '[12for x in ()]',
    '"\\d"', 'b"\\d"', '"\\777"', 'x = 1\ny = "\\d"',
]
for t in cases:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            compile(t, '<testcase>', 'exec')
        except SyntaxError as e:
            print(repr(t), 'SyntaxError', e)
    print(repr(t), [(x.category.__name__, str(x.message), x.lineno) for x in w])
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('error')
        try:
            compile(t, '<testcase>', 'exec')
        except SyntaxError as e:
            print('   as error:', e.msg, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
    print('   left:', w)
