grid = [
    "S..#....",
    ".#.#.##.",
    ".#...#..",
    ".####.#.",
    "......#E",
]


def find(ch):
    for r, row in enumerate(grid):
        c = row.find(ch)
        if c >= 0:
            return (r, c)


start, end = find("S"), find("E")
dist = {start: 0}
prev = {}
queue = [start]
while queue:
    cur = queue.pop(0)
    if cur == end:
        break
    r, c = cur
    for dr, dc in [(0, 1), (1, 0), (0, -1), (-1, 0)]:
        nr, nc = r + dr, c + dc
        if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] != "#" and (nr, nc) not in dist:
            dist[(nr, nc)] = dist[cur] + 1
            prev[(nr, nc)] = cur
            queue.append((nr, nc))
print("distance:", dist.get(end))
path = [end]
while path[-1] != start:
    path.append(prev[path[-1]])
rows = [list(row) for row in grid]
for r, c in path[1:-1]:
    rows[r][c] = "*"
for row in rows:
    print("".join(row))
