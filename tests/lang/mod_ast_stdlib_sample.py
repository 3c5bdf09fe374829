# ast.parse() of a sample of the standard library: for each file, the CRC-32
# of its tree in the format of ast.dump(tree, include_attributes=True).
#
# The 40 files are the first in CRC-32-of-the-path order among the library's
# gcstress-every: 50
# .py files of 301 to 3000 bytes (a fixed list, so the test need not walk the
# library).  The dump is written out here rather than importing ast, and
# nothing else is imported, so the test stays quick under GC stress;
# tools/ast_stdlib_compare.sh runs the real ast.dump over every file.
import _ast, binascii

ROOT = '/usr/lib/python3.11/'
FILES = [
    'test/pyclbr_input.py',
    'encodings/rot_13.py',
    'unittest/test/testmock/testsentinel.py',
    'importlib/_abc.py',
    'test/test_future3.py',
    'encodings/iso2022_jp_2004.py',
    'ctypes/test/test_random_things.py',
    'test/_test_embed_structseq.py',
    'ctypes/test/test_errno.py',
    'ensurepip/_uninstall.py',
    'unittest/_log.py',
    'test/test_codecmaps_kr.py',
    'test/test_bufio.py',
    'ctypes/test/test_repr.py',
    'test/support/hashlib_helper.py',
    'asyncio/threads.py',
    'idlelib/idle_test/mock_idle.py',
    'tty.py',
    'ctypes/test/test_returnfuncptrs.py',
    'lib2to3/fixes/fix_ws_comma.py',
    'idlelib/idle_test/test_warning.py',
    'encodings/charmap.py',
    'importlib/metadata/_meta.py',
    'lib2to3/fixes/fix_numliterals.py',
    'test/test_sndhdr.py',
    'encodings/utf_32_be.py',
    'ctypes/test/test_pickling.py',
    'encodings/iso2022_jp.py',
    'test/test_utf8source.py',
    'lib2to3/fixes/fix_execfile.py',
    'encodings/gbk.py',
    'asyncio/constants.py',
    'wsgiref/__init__.py',
    'test/test_typechecks.py',
    'encodings/ascii.py',
    'encodings/utf_16_le.py',
    'encodings/undefined.py',
    'email/mime/multipart.py',
    'encodings/quopri_codec.py',
    'idlelib/idle_test/test_zoomheight.py',
]

def dump(node):
    if isinstance(node, _ast.AST):
        cls = type(node)
        args = []
        for names in (node._fields, node._attributes):
            for name in names:
                try:
                    value = getattr(node, name)
                except AttributeError:
                    continue
                if value is None and getattr(cls, name, ...) is None:
                    continue
                args.append('%s=%s' % (name, dump(value)))
        return '%s(%s)' % (cls.__name__, ', '.join(args))
    if isinstance(node, list):
        return '[%s]' % ', '.join([dump(x) for x in node])
    return repr(node)

for rel in FILES:
    try:
        with open(ROOT + rel, 'rb') as f:
            src = f.read()
    except OSError as e:
        print(rel, 'missing')
        continue
    try:
        tree = compile(src, rel, 'exec', _ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        print(rel, type(e).__name__, e.msg, e.lineno, e.offset)
        continue
    text = dump(tree)
    print(rel, binascii.crc32(text.encode('utf-8', 'surrogatepass')), len(text))
