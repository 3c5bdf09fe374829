"""re: compiled matching, findall and substitution over generated text.

usage: re_match_sub.py [LINES]
"""
# bench-size: default=60000 quick=3000
import re
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 60000
words = ["alpha", "beta", "gamma", "delta", "user42", "x-ray", "2024-05-17", "ERROR", "foo@bar.org"]
lines = ["%d %s %s=%d %s" % (i, words[i % 9], words[(i * 7) % 9], i % 97, words[(i * 3) % 9]) for i in range(n)]
date = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
kv = re.compile(r"(\w[\w-]*)=(\d+)")
mail = re.compile(r"[\w.]+@[\w.]+")
total = 0
for line in lines:
    m = date.search(line)
    if m:
        total += int(m.group(3))
    for k, v in kv.findall(line):
        total += len(k) + int(v)
    total += len(mail.sub("<mail>", line))
    if re.match(r"\d+ (alpha|beta)", line):
        total += 1
print("checksum", total)
