# strptime goes through the pure-Python _strptime module.
# gcstress-every: 5
import time

print(time.strptime("2024-03-09 07:05:03", "%Y-%m-%d %H:%M:%S"))
print(time.strptime("9 Mar 2024", "%d %b %Y")[:3], time.strptime("Sat Mar  9 07:05:03 2024"))
try:
    time.strptime("2024", "%d")
except ValueError as e:
    print("ValueError", e)
