print("clean exit")
raise SystemExit
print("not reached")
