"""Sobel edge detection over a 2-D image class indexed by (x, y) tuples.

An Image class stores grey levels in a flat list and is read and
written as image[x, y]; out-of-range reads clamp to the border.  The
program draws a synthetic scene (gradient sky, filled circles and
rectangles, a diagonal stripe pattern), blurs it with a 3x3 box filter,
runs the Sobel operator for the gradient magnitude, thresholds it into
an edge map and traces the edges' bounding boxes by flood fill.

usage: sobel.py [SIZE]     (SIZE x SIZE pixels)
"""
# bench-size: default=560 quick=60

import math
import sys


class Image:
    def __init__(self, width, height, fill=0):
        self.width = width
        self.height = height
        self.pixels = [fill] * (width * height)

    def __getitem__(self, pos):
        x, y = pos
        if x < 0:
            x = 0
        elif x >= self.width:
            x = self.width - 1
        if y < 0:
            y = 0
        elif y >= self.height:
            y = self.height - 1
        return self.pixels[y * self.width + x]

    def __setitem__(self, pos, value):
        x, y = pos
        self.pixels[y * self.width + x] = value

    def coordinates(self):
        for y in range(self.height):
            for x in range(self.width):
                yield x, y

    def map(self, function):
        out = Image(self.width, self.height)
        for pos in self.coordinates():
            out[pos] = function(self, pos)
        return out

    def histogram(self, buckets=8):
        counts = [0] * buckets
        for value in self.pixels:
            counts[min(buckets - 1, value * buckets // 256)] += 1
        return counts


def draw_scene(size):
    img = Image(size, size)
    for x, y in img.coordinates():
        img[x, y] = 40 + (y * 120) // size          # sky gradient
        if ((x + 2 * y) // max(1, size // 16)) % 2 == 0 and y > size * 3 // 4:
            img[x, y] = 200                           # striped floor
    circles = [(size // 3, size // 3, size // 5, 230),
               (2 * size // 3, size // 2, size // 6, 20),
               (size // 2, 3 * size // 4, size // 10, 180)]
    for cx, cy, r, level in circles:
        for y in range(max(0, cy - r), min(size, cy + r + 1)):
            for x in range(max(0, cx - r), min(size, cx + r + 1)):
                if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                    img[x, y] = level
    x0, y0, x1, y1 = size // 10, size * 6 // 10, size * 3 // 10, size * 9 // 10
    for y in range(y0, y1):
        for x in range(x0, x1):
            img[x, y] = 120
    return img


def box_blur(img, pos):
    x, y = pos
    total = 0
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            total += img[x + dx, y + dy]
    return total // 9


def sobel(img, pos):
    x, y = pos
    gx = (img[x + 1, y - 1] + 2 * img[x + 1, y] + img[x + 1, y + 1]
          - img[x - 1, y - 1] - 2 * img[x - 1, y] - img[x - 1, y + 1])
    gy = (img[x - 1, y + 1] + 2 * img[x, y + 1] + img[x + 1, y + 1]
          - img[x - 1, y - 1] - 2 * img[x, y - 1] - img[x + 1, y - 1])
    return min(255, int(math.sqrt(gx * gx + gy * gy)))


def edge_regions(edges, threshold):
    """Connected components of strong edge pixels, as bounding boxes."""
    seen = set()
    boxes = []
    for pos in edges.coordinates():
        if pos in seen or edges[pos] < threshold:
            continue
        stack = [pos]
        seen.add(pos)
        xs = []
        ys = []
        while stack:
            x, y = stack.pop()
            xs.append(x)
            ys.append(y)
            for n in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                nx, ny = n
                if (0 <= nx < edges.width and 0 <= ny < edges.height
                        and n not in seen and edges[n] >= threshold):
                    seen.add(n)
                    stack.append(n)
        boxes.append((min(xs), min(ys), max(xs), max(ys), len(xs)))
    return boxes


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 560
    scene = draw_scene(size)
    smooth = scene.map(box_blur)
    edges = smooth.map(sobel)
    boxes = edge_regions(edges, 96)
    largest = max(boxes, key=lambda b: b[4]) if boxes else None
    print("checksum:", sum(edges.pixels), edges.histogram(),
          len(boxes), largest)


if __name__ == "__main__":
    main()
