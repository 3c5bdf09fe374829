s = "Hello, World"
print(s.upper(), s.lower())
print(s.startswith("Hello"), s.startswith("hello"), s.startswith(""))
print(s.endswith("World"), s.endswith("!"), s.endswith(("x", "d")))
print(s.startswith(("Hi", "He")))
print("MiXeD 123".lower(), "MiXeD 123".upper())
print("abc".isdigit(), "123".isdigit(), "abc".isalpha(), "a1".isalnum(), "  ".isspace())
print("caf\u00e9".upper())
