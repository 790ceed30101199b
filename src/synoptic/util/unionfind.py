"""Union-find (disjoint sets) over the integers ``0 .. n-1``: the one in synoptic.

Stages that group items transitively (articles sharing a line, name forms that are one entity) use
:class:`UnionFind` instead of writing their own. The root of a set is always its smallest member, so
the groups, and the representative each one reports, do not depend on the order of the unions.
"""

from __future__ import annotations


class UnionFind:
    """Disjoint sets over ``0 .. n-1``, each named by its smallest member.

    >>> uf = UnionFind(4)
    >>> uf.union(3, 1); uf.union(1, 2)
    >>> [uf.find(i) for i in range(4)]
    [0, 1, 1, 1]
    """

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """The root (smallest member) of ``i``'s set; halves the path on the way up."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        """Merge the sets of ``a`` and ``b``; the merged set is named by the smaller root."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def roots(self) -> list[int]:
        """The root of every member, in member order: a group label per item."""
        return [self.find(i) for i in range(len(self.parent))]


__all__ = ["UnionFind"]
