# taipan-test: stderr-last-line
x = eval("+".join(["1"] * 50000))
