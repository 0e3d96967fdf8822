"""Cascading consequences as a directed graph: cycle detection and a layered layout
for drawing (roots on the first layer, each node one layer after its furthest cause,
edges that close a cycle drawn back)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable

Edge = tuple[Hashable, Hashable]


def find_cycle(edges: list[Edge]) -> list | None:
    """A list of nodes forming a cycle (first node repeated at the end), or None."""
    graph = defaultdict(list)
    for source, target in edges:
        graph[source].append(target)
    WHITE, GREY, BLACK = 0, 1, 2
    colour: dict = defaultdict(int)
    stack: list = []

    def visit(node):
        colour[node] = GREY
        stack.append(node)
        for nxt in graph[node]:
            if colour[nxt] == GREY:
                return stack[stack.index(nxt) :] + [nxt]
            if colour[nxt] == WHITE:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        colour[node] = BLACK
        return None

    for node in list(graph):
        if colour[node] == WHITE:
            found = visit(node)
            if found:
                return found
    return None


def back_edges(nodes: list, edges: list[Edge]) -> set[Edge]:
    """Edges that close a cycle in a depth-first walk from the nodes in order."""
    graph = defaultdict(list)
    for source, target in edges:
        graph[source].append(target)
    state: dict = {}
    found: set[Edge] = set()

    def visit(node):
        state[node] = "open"
        for nxt in graph[node]:
            if state.get(nxt) == "open":
                found.add((node, nxt))
            elif nxt not in state:
                visit(nxt)
        state[node] = "done"

    indegree = defaultdict(int)
    for _source, target in edges:
        indegree[target] += 1
    for node in sorted(nodes, key=lambda n: (indegree[n] > 0, nodes.index(n))):
        if node not in state:
            visit(node)
    return found


def layers(nodes: list, edges: list[Edge]) -> dict:
    """Layer (0, 1, …) of every node: the longest path from a root, ignoring the
    edges that close cycles."""
    forward = [edge for edge in edges if edge not in back_edges(nodes, edges)]
    layer = {node: 0 for node in nodes}
    # Longest path in a DAG by relaxing len(nodes) times (graphs here are small).
    for _ in range(len(nodes)):
        changed = False
        for source, target in forward:
            if layer[target] < layer[source] + 1:
                layer[target] = layer[source] + 1
                changed = True
        if not changed:
            break
    return layer


def order_layers(nodes: list, edges: list[Edge], layer: dict) -> dict[int, list]:
    """Nodes of each layer in drawing order: the first layer as given, each next one
    sorted by the mean position of its causes in the layers above (the barycentre
    heuristic, which removes most crossings in small graphs)."""
    rows: dict[int, list] = {}
    for node in nodes:
        rows.setdefault(layer[node], []).append(node)
    position = {}
    causes = defaultdict(list)
    for source, target in edges:
        if layer[source] < layer[target]:
            causes[target].append(source)
    for depth in sorted(rows):
        row = rows[depth]
        if depth:
            keys = {}
            for index, node in enumerate(row):
                placed = [position[c] for c in causes[node] if c in position]
                # Nodes without a cause above keep their order, after the others.
                keys[node] = (sum(placed) / len(placed) if placed else len(row), index)
            row.sort(key=keys.__getitem__)
        for index, node in enumerate(row):
            position[node] = index - (len(row) - 1) / 2
    return rows


def split_long_edges(edges: list[Edge], layer: dict) -> tuple[list[Edge], dict, dict]:
    """Break each forward edge that spans several layers into a chain through one
    waypoint per layer crossed, so that it can be routed between the boxes.

    Returns (edges of the extended graph, layer of each waypoint, {edge: chain of
    nodes from source to target}). Waypoints are tuples ("~", source, target, layer).
    """
    extended, waypoints, chains = [], {}, {}
    for source, target in edges:
        if layer[target] - layer[source] <= 1:
            extended.append((source, target))
            chains[source, target] = [source, target]
            continue
        chain = [source]
        for depth in range(layer[source] + 1, layer[target]):
            point = ("~", source, target, depth)
            waypoints[point] = depth
            chain.append(point)
        chain.append(target)
        extended += list(zip(chain, chain[1:], strict=False))
        chains[source, target] = chain
    return extended, waypoints, chains
