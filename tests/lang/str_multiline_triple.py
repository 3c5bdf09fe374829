text = """first line
  second line indented
third "quoted" line"""
print(text)
print(len(text.split("\n")))
single = '''single-quoted triple with 'quotes' inside'''
print(single)
cont = "joined \
by backslash"
print(cont)
empty_lines = """
a

b
"""
print(repr(empty_lines))
