"""Collective priorities: the Schulze method over members' ranked ballots.

Why Schulze: members rank as many insights as they wish, may put some level with each
other, and may leave some out; Schulze counts all of that, never rewards tactical
burying, and picks the insight most members prefer to each other one when there is such
an insight (the Condorcet winner). Borda would need full rankings and rewards burying.

The method, as Schulze (2011) defines it and as shown to members on the results page:

1. For every pair of insights A and B, d[A][B] is how many ballots rank A above B.
   Insights in one group are level; insights left out rank below every ranked one, and
   level with each other. An abstention ranks nothing, so it adds to no pair.
2. A path from A to B is a chain A, X, …, B where each link beats the next (more
   ballots prefer it than the other way round); its strength is its weakest link
   d[X][Y]. p[A][B] is the strength of the strongest path (0 if none).
3. A is ranked above B when p[A][B] > p[B][A]. The order is listed by how many others
   each insight is ranked above; insights with equal counts share a place (a tie).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

Item = TypeVar("Item", bound=Hashable)


class BallotError(ValueError):
    """A ballot that cannot be counted: it names something twice or names an unknown item."""


def check_ballot(ranking: Sequence[Sequence[Item]], candidates: Sequence[Item]) -> None:
    known = set(candidates)
    seen: set[Item] = set()
    for group in ranking:
        for item in group:
            if item not in known:
                raise BallotError(f"{item} is not one of the choices in this round")
            if item in seen:
                raise BallotError(f"{item} is ranked more than once")
            seen.add(item)


@dataclass(frozen=True)
class Result(Generic[Item]):
    """A count, as the service returns it and a page draws it: kept with a closed round
    (``stored``, ``from_stored``) so the result stays as it was counted then."""

    candidates: list[Item]
    d: dict[Item, dict[Item, int]]  # ballots preferring the row to the column
    p: dict[Item, dict[Item, int]]  # strength of the strongest path
    places: list[list[Item]]  # best first; items in one list are tied
    ballots: int
    abstentions: int

    def place_of(self, item: Item) -> int:
        """1-based place; tied items share one."""
        for place, _tied, placed in self.ranked():
            if placed == item:
                return place
        raise KeyError(item)

    def ranked(self) -> list[tuple[int, bool, Item]]:
        """Each item, best first, with its place and whether it shares it (1, 1, 3, …)."""
        rows: list[tuple[int, bool, Item]] = []
        place = 1
        for group in self.places:
            rows.extend((place, len(group) > 1, item) for item in group)
            place += len(group)
        return rows

    @property
    def order(self) -> list[Item]:
        """The items best first: the rows and columns of the pairwise tables."""
        return [item for group in self.places for item in group]

    def stored(self) -> dict[str, Any]:
        """As JSON keeps it (its keys are text)."""
        return {
            "method": "Schulze",
            "places": self.places,
            "ballots": self.ballots,
            "abstentions": self.abstentions,
            "d": {str(a): {str(b): n for b, n in row.items()} for a, row in self.d.items()},
            "p": {str(a): {str(b): n for b, n in row.items()} for a, row in self.p.items()},
        }

    @staticmethod
    def from_stored(stored: dict[str, Any]) -> Result[int]:
        """A result kept by ``stored``, of items that are ids (insights' primary keys)."""

        def table(name: str) -> dict[int, dict[int, int]]:
            return {
                int(a): {int(b): n for b, n in row.items()}
                for a, row in stored.get(name, {}).items()
            }

        d = table("d")
        return Result(
            candidates=list(d),
            d=d,
            p=table("p"),
            places=stored.get("places", []),
            ballots=stored.get("ballots", 0),
            abstentions=stored.get("abstentions", 0),
        )


def pairwise(
    candidates: Sequence[Item], ballots: Sequence[Sequence[Sequence[Item]]]
) -> dict[Item, dict[Item, int]]:
    d = {a: dict.fromkeys(candidates, 0) for a in candidates}
    for ranking in ballots:
        if not ranking:
            continue
        level: dict[Item, int] = {}
        for position, group in enumerate(ranking):
            for item in group:
                level[item] = position
        unranked = len(ranking)  # below every ranked group
        for a in candidates:
            for b in candidates:
                if a != b and level.get(a, unranked) < level.get(b, unranked):
                    d[a][b] += 1
    return d


def strongest_paths(
    candidates: Sequence[Item], d: dict[Item, dict[Item, int]]
) -> dict[Item, dict[Item, int]]:
    p = {a: dict.fromkeys(candidates, 0) for a in candidates}
    for a in candidates:
        for b in candidates:
            if a != b and d[a][b] > d[b][a]:
                p[a][b] = d[a][b]
    for via in candidates:  # Floyd-Warshall for the widest path
        for a in candidates:
            if a == via:
                continue
            for b in candidates:
                if b not in (a, via):
                    p[a][b] = max(p[a][b], min(p[a][via], p[via][b]))
    return p


def schulze(
    candidates: Sequence[Item], ballots: Sequence[Sequence[Sequence[Item]]]
) -> Result[Item]:
    for ranking in ballots:
        check_ballot(ranking, candidates)
    d = pairwise(candidates, ballots)
    p = strongest_paths(candidates, d)
    beats = {a: sum(p[a][b] > p[b][a] for b in candidates if b != a) for a in candidates}
    places: list[list[Item]] = []
    for count in sorted(set(beats.values()), reverse=True):
        places.append([a for a in candidates if beats[a] == count])
    return Result(
        candidates=list(candidates),
        d=d,
        p=p,
        places=places,
        ballots=len(ballots),
        abstentions=sum(1 for ranking in ballots if not ranking),
    )
