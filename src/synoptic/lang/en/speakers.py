"""English nouns for a person who speaks for someone else or for a body: the spokesperson class.

A statement given by one of them is theirs, not their client's ("the actress's rep told People": the rep
speaks, the actress does not), and "he said" after "her publicist confirmed" stands for the publicist.
Complete closed class of English news usage (singular, lower case), not one story's words: press and
public-relations roles, agents and managers of people, legal representatives, and aides and advisers.
"""

from __future__ import annotations

#: Press and public-relations roles.
PRESS_ROLES = frozenset(
    "spokesman spokeswoman spokesperson publicist rep representative".split()
)

#: Agents and managers of a person (performers, athletes, writers).
AGENT_ROLES = frozenset("agent manager promoter handler".split())

#: Legal representatives.
LEGAL_ROLES = frozenset("lawyer attorney counsel solicitor barrister advocate defender".split())

#: Aides and advisers of an office holder.
AIDE_ROLES = frozenset("aide adviser advisor".split())

#: Every noun of a person who speaks for another.
SPOKESPERSON_NOUNS = PRESS_ROLES | AGENT_ROLES | LEGAL_ROLES | AIDE_ROLES

__all__ = ["AGENT_ROLES", "AIDE_ROLES", "LEGAL_ROLES", "PRESS_ROLES", "SPOKESPERSON_NOUNS"]
