print("exiting with status 3")
raise SystemExit(3)
print("not reached")
