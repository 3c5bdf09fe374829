def risky():
    raise ValueError("original problem")


try:
    risky()
except ValueError:
    print("cleaning up before re-raise")
    raise
