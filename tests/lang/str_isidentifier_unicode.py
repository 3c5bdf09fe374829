# str.isidentifier with ASCII and Unicode identifiers (XID_Start / XID_Continue).
for s in ['x', '_', '_x1', '1x', 'x-y', '', 'class', 'caf\u00e9', '\u00e9t\u00e9', '\u4e2d\u6587', 'a\u0301',
          '\u0301a', '\u2160', 'x\u00b7y', '\u00b7', '\u212e', '\u309b', 'x\u309b', '\U0001d400', '\U0001f600',
          'a b', 'a\u200c', '\u1885', '\u2118', 'x\u0660', '\u0660', '\u00aa', '\u02b0', '$', 'a$']:
    print(ascii(s), s.isidentifier())
