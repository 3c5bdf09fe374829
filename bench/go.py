"""Go: a Monte-Carlo tree search player on a 9x9 board.

A Board class with captures, suicide and simple-ko rules, eye detection
and area scoring; random playouts driven by the standard `random`
module (seeded, so every implementation plays the same game); and a
UCT search tree of Node objects that picks each move from the
playout statistics.  The engine plays the first moves of a game
against itself and prints the moves it chose with the tree statistics.

usage: go.py [PLAYOUTS]     (total random playouts over the game)
"""
# bench-size: default=900 quick=60

import math
import random
import sys

EMPTY, BLACK, WHITE = 0, 1, 2
PASS = -1
KOMI = 7.5
EXPLORATION = 1.1
MOVES = 6


def opponent(color):
    return BLACK + WHITE - color


class Geometry:
    """Neighbour and diagonal tables for one board size."""

    def __init__(self, size):
        self.size = size
        self.neighbours = []
        self.diagonals = []
        for p in range(size * size):
            row, col = divmod(p, size)
            self.neighbours.append(
                [r * size + c for r, c in ((row - 1, col), (row + 1, col),
                                           (row, col - 1), (row, col + 1))
                 if 0 <= r < size and 0 <= c < size])
            self.diagonals.append(
                [r * size + c for r, c in ((row - 1, col - 1),
                                           (row - 1, col + 1),
                                           (row + 1, col - 1),
                                           (row + 1, col + 1))
                 if 0 <= r < size and 0 <= c < size])

    def name(self, p):
        if p == PASS:
            return "pass"
        row, col = divmod(p, self.size)
        return "ABCDEFGHJ"[col] + str(self.size - row)


class Board:
    def __init__(self, geometry):
        self.geometry = geometry
        self.points = [EMPTY] * (geometry.size * geometry.size)
        self.to_move = BLACK
        self.ko = None
        self.passes = 0
        self.moves_played = 0
        self.captures = [0, 0, 0]

    def copy(self):
        other = Board.__new__(Board)
        other.geometry = self.geometry
        other.points = self.points[:]
        other.to_move = self.to_move
        other.ko = self.ko
        other.passes = self.passes
        other.moves_played = self.moves_played
        other.captures = self.captures[:]
        return other

    def group(self, p):
        """The stones connected to p and their liberties (two sets)."""
        points = self.points
        neighbours = self.geometry.neighbours
        color = points[p]
        stones = {p}
        liberties = set()
        stack = [p]
        while stack:
            q = stack.pop()
            for r in neighbours[q]:
                c = points[r]
                if c == EMPTY:
                    liberties.add(r)
                elif c == color and r not in stones:
                    stones.add(r)
                    stack.append(r)
        return stones, liberties

    def is_legal(self, p, color):
        points = self.points
        if points[p] != EMPTY or p == self.ko:
            return False
        neighbours = self.geometry.neighbours[p]
        for r in neighbours:
            if points[r] == EMPTY:
                return True
        for r in neighbours:
            liberties = len(self.group(r)[1])
            if points[r] == color:
                if liberties > 1:
                    return True        # joins a group that keeps a liberty
            elif liberties == 1:
                return True            # captures
        return False                   # suicide

    def is_eye(self, p, color):
        points = self.points
        for r in self.geometry.neighbours[p]:
            if points[r] != color:
                return False
        diagonals = self.geometry.diagonals[p]
        enemy = opponent(color)
        bad = 0
        for d in diagonals:
            if points[d] == enemy:
                bad += 1
        return bad == 0 if len(diagonals) < 4 else bad <= 1

    def candidate_moves(self):
        color = self.to_move
        moves = [p for p, c in enumerate(self.points)
                 if c == EMPTY and not self.is_eye(p, color)
                 and self.is_legal(p, color)]
        return moves or [PASS]

    def play(self, p):
        color = self.to_move
        self.to_move = opponent(color)
        self.moves_played += 1
        if p == PASS:
            self.passes += 1
            self.ko = None
            return
        self.passes = 0
        points = self.points
        points[p] = color
        enemy = opponent(color)
        captured = 0
        last_capture = None
        for r in self.geometry.neighbours[p]:
            if points[r] == enemy:
                stones, liberties = self.group(r)
                if not liberties:
                    for s in stones:
                        points[s] = EMPTY
                    captured += len(stones)
                    last_capture = r
        self.captures[color] += captured
        self.ko = None
        if captured == 1:
            stones, liberties = self.group(p)
            if len(stones) == 1 and len(liberties) == 1:
                self.ko = last_capture

    def score(self):
        """Black's area minus White's (stones plus single-owner empties)."""
        points = self.points
        neighbours = self.geometry.neighbours
        black = white = 0
        for p, c in enumerate(points):
            if c == BLACK:
                black += 1
            elif c == WHITE:
                white += 1
            else:
                seen = 0
                for r in neighbours[p]:
                    seen |= points[r]
                if seen == BLACK:
                    black += 1
                elif seen == WHITE:
                    white += 1
        return black - white

    def winner(self):
        return BLACK if self.score() > KOMI else WHITE

    def render(self):
        size = self.geometry.size
        chars = ".XO"
        return "\n".join("".join(chars[c] for c in self.points[r * size:(r + 1) * size])
                         for r in range(size))


def random_playout(board, rng):
    limit = 3 * len(board.points)
    while board.passes < 2 and board.moves_played < limit:
        color = board.to_move
        empties = [p for p, c in enumerate(board.points) if c == EMPTY]
        move = PASS
        while empties:
            i = rng.randrange(len(empties))
            p = empties[i]
            empties[i] = empties[-1]
            empties.pop()
            if not board.is_eye(p, color) and board.is_legal(p, color):
                move = p
                break
        board.play(move)


class Node:
    def __init__(self, move, parent, board):
        self.move = move
        self.parent = parent
        self.player = opponent(board.to_move)   # who played `move`
        self.children = []
        self.untried = board.candidate_moves()
        self.wins = 0
        self.visits = 0

    def select_child(self):
        log_visits = math.log(self.visits)
        best = None
        best_value = -1.0
        for child in self.children:
            value = (child.wins / child.visits
                     + EXPLORATION * math.sqrt(log_visits / child.visits))
            if value > best_value:
                best = child
                best_value = value
        return best

    def update(self, winner):
        self.visits += 1
        if winner == self.player:
            self.wins += 1


def search(root_board, playouts, rng):
    root = Node(None, None, root_board)
    for _ in range(playouts):
        node = root
        board = root_board.copy()
        while not node.untried and node.children:
            node = node.select_child()
            board.play(node.move)
        if node.untried:
            move = node.untried.pop(rng.randrange(len(node.untried)))
            board.play(move)
            child = Node(move, node, board)
            node.children.append(child)
            node = child
        random_playout(board, rng)
        winner = board.winner()
        while node is not None:
            node.update(winner)
            node = node.parent
    best = max(root.children, key=lambda c: c.visits)
    return best, root


def tree_size(node):
    return 1 + sum(tree_size(c) for c in node.children)


def main():
    playouts = int(sys.argv[1]) if len(sys.argv) > 1 else 900
    rng = random.Random(20240611)
    geometry = Geometry(9)
    board = Board(geometry)
    played = []
    stats = 0
    for _ in range(MOVES):
        best, root = search(board, max(1, playouts // MOVES), rng)
        played.append(geometry.name(best.move))
        stats = (stats * 1000003 + best.visits * 1009 + best.wins
                 + tree_size(root)) % 2147483647
        board.play(best.move)
    print("checksum:", " ".join(played), stats, board.score())


if __name__ == "__main__":
    main()
