"""Text processing: word statistics, an index and a report from a corpus.

Generates a pseudo-English corpus (a seeded linear congruential
generator picks words, commas and sentence ends), then does what a
text-analysis script does with dicts and strings: normalises and
tokenises lines, counts words and bigrams, builds an inverted index
and a keyword-in-context concordance, finds the longest palindromic
and most anagram-rich words, re-wraps the paragraphs to a fixed width,
and formats a report.  The checksum digests the whole report.

usage: text_processing.py [WORDS]
"""
# bench-size: default=400000 quick=20000

import collections
import string
import sys

SYLLABLES = ("ka ri to na mo se lu pe da vi an el or is um ex qua "
             "tra ble ing ter com pro sta der").split()
PUNCT_TABLE = str.maketrans("", "", ",.;:!?\"'()")


class Rng:
    """A 32-bit linear congruential generator (portable across VMs)."""

    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


def make_vocabulary(rng, count):
    words = []
    seen = set()
    while len(words) < count:
        w = "".join(SYLLABLES[rng.next(len(SYLLABLES))]
                    for _ in range(1 + rng.next(3)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def make_corpus(n_words, seed=7):
    rng = Rng(seed)
    vocab = make_vocabulary(rng, 3000)
    # Zipf-like choice: favour the front of the vocabulary
    paragraphs = []
    sentence = []
    paragraph = []
    for i in range(n_words):
        r = rng.next(1000)
        idx = (r * r * r) // (1000 * 1000 * 1000 // len(vocab) + 1)
        word = vocab[min(idx, len(vocab) - 1)]
        if not sentence:
            word = word.capitalize()
        sentence.append(word)
        if rng.next(12) == 0:
            sentence[-1] += ","
        if len(sentence) > 4 and rng.next(9) == 0:
            paragraph.append(" ".join(sentence) + ".?!"[rng.next(6) // 4])
            sentence = []
            if rng.next(7) == 0:
                paragraphs.append(" ".join(paragraph))
                paragraph = []
    if sentence:
        paragraph.append(" ".join(sentence) + ".")
    if paragraph:
        paragraphs.append(" ".join(paragraph))
    return "\n\n".join(paragraphs)


def tokenize(line):
    return [w for w in line.lower().translate(PUNCT_TABLE).split() if w]


def wrap(paragraph, width):
    lines = []
    current = []
    length = 0
    for word in paragraph.split():
        if current and length + 1 + len(word) > width:
            lines.append(" ".join(current))
            current = [word]
            length = len(word)
        else:
            length += len(word) + (1 if current else 0)
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


def analyse(text):
    report = []
    frequencies = {}
    bigrams = collections.defaultdict(int)
    index = {}
    letters = collections.Counter()
    lines = []
    for para in text.split("\n\n"):
        lines.extend(wrap(para, 72))
        lines.append("")
    for lineno, line in enumerate(lines, 1):
        words = tokenize(line)
        letters.update(line.lower())
        previous = None
        for w in words:
            frequencies[w] = frequencies.get(w, 0) + 1
            index.setdefault(w, []).append(lineno)
            if previous is not None:
                bigrams[previous, w] += 1
            previous = w
    total = sum(frequencies.values())
    report.append("%d lines, %d words, %d distinct" %
                  (len(lines), total, len(frequencies)))
    top = sorted(frequencies.items(), key=lambda kv: (-kv[1], kv[0]))[:25]
    for word, count in top:
        report.append("%-16s %7d %6.2f%%" % (word, count, 100.0 * count / total))
    for (a, b), count in sorted(bigrams.items(),
                                key=lambda kv: (-kv[1], kv[0]))[:15]:
        report.append("{:>12} {:<12} {:5d}".format(a, b, count))
    for ch in string.ascii_lowercase:
        report.append("%s=%d" % (ch, letters[ch]))
    # anagram classes
    classes = {}
    for word in frequencies:
        classes.setdefault("".join(sorted(word)), []).append(word)
    richest = sorted(classes.values(), key=lambda ws: (-len(ws), sorted(ws)))[:5]
    for group in richest:
        report.append("anagrams: " + ", ".join(sorted(group)))
    palindromes = sorted((w for w in frequencies if len(w) > 2 and w == w[::-1]),
                         key=lambda w: (-len(w), w))[:5]
    report.append("palindromes: " + " ".join(palindromes))
    # keyword in context for a few mid-frequency words
    for word, _ in top[10:14]:
        for lineno in index[word][:40]:
            line = lines[lineno - 1]
            pos = line.lower().find(word)
            if pos < 0:
                continue
            left = line[max(0, pos - 25):pos]
            right = line[pos + len(word):pos + len(word) + 25]
            report.append(f"{lineno:6d} {left:>25}[{word}]{right:<25}|")
    longest = max(lines, key=len)
    report.append("longest line %d: %s" % (len(longest), longest.title()[:40]))
    return "\n".join(report)


def digest(text):
    h = 0
    for line in text.split("\n"):
        for ch in line:
            h = (h * 131 + ord(ch)) % 4294967291
    return h


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400000
    text = make_corpus(n)
    report = analyse(text)
    print("checksum:", len(text), len(report), digest(report))


if __name__ == "__main__":
    main()
