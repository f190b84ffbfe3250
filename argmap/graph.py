"""Graph algorithms shared by the checker and the analysis."""

from __future__ import annotations

__all__ = ["strongly_connected"]


def strongly_connected(graph: list[list[int]]) -> tuple[list[int], list[int]]:
    """Tarjan's algorithm, iteratively.  Returns (component of each vertex, component ids in emission order)."""
    n = len(graph)
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    comp = [-1] * n
    stack: list[int] = []
    order: list[int] = []
    counter = 0
    for root in range(n):
        if index[root] >= 0:
            continue
        work = [(root, 0)]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            v, k = work[-1]
            edges = graph[v]
            if k < len(edges):
                work[-1] = (v, k + 1)
                w = edges[k]
                if index[w] < 0:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, 0))
                elif on_stack[w]:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                u = work[-1][0]
                low[u] = min(low[u], low[v])
            if low[v] == index[v]:
                c = len(order)
                order.append(c)
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    comp[w] = c
                    if w == v:
                        break
    return comp, order
