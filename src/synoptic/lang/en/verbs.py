"""English irregular verbs: the simple past forms that do not end in -ed (the common irregular
verbs of English grammars; regular pasts are told by their -ed ending)."""

from __future__ import annotations

#: Simple past forms of the common irregular verbs ("told", "fled", "struck").
IRREGULAR_PAST = frozenset(
    "arose awoke was were bore beat became began bent bet bid bit bled blew broke bred brought built burnt "
    "burst bought cast caught chose clung came cost crept cut dealt dug dove drew dreamt drank drove ate fell "
    "fed felt fought found fled flung flew forbade forgot forgave froze got gave went ground grew hung had "
    "heard hid hit held hurt kept knelt knew laid led leant leapt learnt left lent let lay lit lost made "
    "meant met paid proved put quit read rode rang rose ran said saw sought sold sent set shook shed shone "
    "shot showed shrank shut sang sank sat slew slept slid slung slit smelt spoke sped spelt spent spilt "
    "spun spat split spoilt spread sprang stood stole stuck stung stank strode struck strung strove swore "
    "swept swam swung took taught tore told thought threw thrust trod understood woke wore wove wed wept "
    "won wound wrung wrote withdrew overtook undertook upheld withheld foresaw overcame".split()
)

__all__ = ["IRREGULAR_PAST"]
