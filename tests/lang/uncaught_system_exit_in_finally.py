try:
    print("in try")
    raise SystemExit(2)
finally:
    print("finally still runs")
