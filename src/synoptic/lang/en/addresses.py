"""Street addresses and clock-time zones: the words that make a number a house number ("40 East
Fifth Avenue", "10 Downing St.") or a clock time ("1336 GMT"), not a count.

Street types are the common English ones (the USPS suffix table's frequent entries with their
usual abbreviations, and the British and Commonwealth ones); compass words are the eight points
as written before a street name. Time zones are the abbreviations news text writes after a time.
"""

from __future__ import annotations

#: Street-type words after a street name, full and abbreviated (lower case, without a full stop).
STREET_TYPES = frozenset(
    "street st avenue ave av road rd boulevard blvd bld lane ln drive dr court ct place pl square sq "
    "terrace ter tce crescent cres parkway pkwy highway hwy freeway fwy expressway expy turnpike tpke pike "
    "circle cir alley aly close row walk trail trl plaza plz quay mews gardens gdns grove embankment "
    "esplanade promenade causeway cswy wharf".split()
)
#: Compass words written between a house number and a street name ("40 East Fifth Avenue").
COMPASS = frozenset(
    "north south east west northeast northwest southeast southwest n s e w ne nw se sw n.e n.w s.e s.w".split()
)
#: Time-zone abbreviations written after a clock time ("1336 GMT", "0900 EST").
TIME_ZONES = frozenset(
    "UTC GMT Z EST EDT CST CDT MST MDT PST PDT AKST AKDT HST AST ADT NST NDT BST IST CET CEST EET EEST "
    "WET WEST MSK JST KST HKT SGT AEST AEDT ACST ACDT AWST NZST NZDT PKT IRST GST WIB ICT PHT SAST CAT "
    "EAT WAT ART BRT".split()
)

__all__ = ["COMPASS", "STREET_TYPES", "TIME_ZONES"]
