"""Who and what a count counts, as English words: the sides of a casualty count, the event words a
clause names, and the kinds of a sum of money.

General news English, not one story's: the words that name security forces, the people they face,
bystanders and people in general; the words of the casualty events (death, injury, arrest,
evacuation, disappearance, displacement); the words that say what a sum of money is (a loss, the
value of trade, revenue, damage, a cost, aid, a fine, a price). Each entry is a word prefix; a
trailing ``$`` asks for the whole word (a plural allowed).
"""

from __future__ import annotations

#: Who is counted: side -> {framing -> words}. One side may be named in two framings
#: ("demonstrators" / "armed criminals"): the brief flags that as framing_differs.
SIDE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "security forces": {
        "security": ("police", "officer", "guard$", "guardsm", "security force", "security personnel", "soldier",
                     "servicem", "troops", "law enforcement", "army$", "national guard",
                     "policem"),
    },
    "protesters": {
        "protesters": ("demonstrator", "protester", "protestor", "activist"),
        "criminals": ("criminal", "bandit", "terrorist", "militant", "rioter", "looter", "extremist",
                      "insurgent", "gunmen", "thug"),
    },
    "civilians": {
        "civilians": ("civilian", "bystander", "resident", "passer"),
    },
    "people": {
        "people": ("people$", "person$", "citizen"),
    },
}

#: The casualty events a clause names, in priority order: a number of people *killed* is a death
#: toll even when the clause also says "personnel".
EVENT_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("killed", ("kill", "dead$", "death", "die$", "died$", "victim", "fatalit", "slain",
                "murder", "eliminat", "perish", "lost their lives", "toll$")),
    ("injured", ("injur", "wound", "hurt", "hospitali")),
    ("arrested", ("arrest", "detain", "detention", "custody", "jail", "imprison", "under arrest")),
    ("evacuated", ("evacuat",)),
    ("missing", ("missing", "unaccounted")),
    ("displaced", ("displac", "homeless", "evacuee", "refugee")),
]

#: What a sum of money is: kind -> words. A loss word comes first: "lost revenue" and "lost $14m in
#: fees" are losses, "revenue" alone is not.
MONEY_KINDS: list[tuple[str, tuple[str, ...]]] = [
    ("losses", ("lose$", "loses", "lost$", "losing", "loss", "forgone", "forgo")),
    ("trade", ("trade$", "goods", "cargo", "commerce", "shipment", "deliveries", "exports$", "imports$",
               "freight")),
    ("revenue", ("revenue", "fee$", "income", "earning", "receipts", "sales")),
    ("damage", ("damage",)),
    ("cost", ("cost$", "costs", "costing", "bill$", "spend", "spent", "budget")),
    ("aid", ("aid$", "assistance", "donat", "relief")),
    ("fines", ("fine$", "fined", "penalt")),
    ("price", ("price$", "prices", "priced")),
]

#: What a duration can be the duration of: one public event, by class. "five days of rioting", "the
#: protests over the past eight days" and "eight days of clashes" time one event of civil unrest; a
#: "six-month price control" is none of these. General news English (the words of unrest, war,
#: strikes and sieges), not one story's. Each entry is a word prefix; a trailing ``$`` asks for the
#: whole word (a plural allowed): "riots" times unrest, "riot police" does not.
DURATION_EVENTS: list[tuple[str, tuple[str, ...]]] = [
    ("unrest", ("riot$", "rioting", "clash", "unrest", "violence", "protest$", "protesting", "demonstration",
                "disorder", "turmoil", "upheaval", "uprising", "looting", "disturbance", "rampage", "mayhem",
                "vandalism", "arson")),
    ("war", ("war$", "fighting", "combat", "battle$", "hostilities", "conflict$", "offensive$", "bombardment",
             "shelling", "airstrike", "insurgency")),
    ("strike", ("strike$", "walkout", "stoppage", "shutdown", "blockade")),
    ("siege", ("siege", "standoff", "stand-off", "lockdown", "curfew", "occupation", "sit-in")),
    ("search", ("search$", "searching", "manhunt", "hunt$")),
]

#: Nouns that a sum of money names, in general business and news English ("a 5m deal", "a 2m loan"):
#: after a number with a glued "m" they make it millions, not metres.
MONEY_NOUNS = frozenset("deal deals contract contracts loan loans budget bid bids fund funds payout payouts investment "
                        "investments bonus bonuses salary salaries fee fees grant grants settlement bailout profit "
                        "profits debt debts turnover valuation windfall pension wage wages compensation ransom reward "
                        "bill bills cost costs price prices revenue revenues sale sales fine fines damages donation "
                        "donations prize jackpot subsidy subsidies tax taxes refund package overhaul upgrade "
                        "scheme project programme program takeover acquisition merger stake".split())
#: Verbs and prepositions of money before a sum ("worth 5m", "paid 5m", "raised 5m").
MONEY_VERBS = frozenset("worth cost costs costing paid pay pays paying raised raise raising spent spend spending earned "
                        "earn earns owed owe owes valued priced fined donated invested borrowed lent won bought sold "
                        "netted generated budgeted wager wagered wagers bet bets staked".split())

#: Words of MONEY_KINDS that are also adjectives: before a noun they name no sum ("the fine reporter
#: who wrote the story"; not "a fine of $5m", "the fine imposed").
MONEY_KIND_ADJECTIVES = frozenset({"fine"})
#: Nouns after "death" that make it no death of anyone counted: the sentence, its place, a threat
#: ("voted against the death penalty", "death row", "death threats", "a death warrant").
DEATH_COMPOUNDS = ("penalty", "penalties", "sentence", "sentences", "row", "threat", "threats", "warrant",
                   "warrants", "squad", "squads", "certificate", "certificates", "knell", "wish", "trap", "traps",
                   "metal", "match", "spiral", "grip", "throes", "bed")
#: A casualty word written as the other half of a compound with these prefixes counts no one
#: ("the nine pro-death jurors", "anti-death-penalty groups").
CASUALTY_PREFIXES = ("pro-", "anti-")

#: Nouns that count occurrences of what their "of" phrase names, one for one: "two counts of murder"
#: are two murder counts, "three cases of cholera" three cholera cases (singular keys). Not the
#: nouns of a collection ("two groups of protesters" are not two protesters).
INSTANCE_NOUNS = frozenset({"count", "charge", "case", "incident", "act", "instance", "episode", "bout", "occurrence",
                            "offence", "offense", "violation", "breach"})


#: Nouns that a won-lost record or a game's score stands before ("a 9-14 start", "an 88-72 loss", "a 53-47
#: vote"): the general English words for a record, a result and a tally of a contest, not one sport's.
RECORD_NOUNS = frozenset({
    "start", "record", "mark", "finish", "season", "campaign", "run", "stretch", "streak", "spell", "skid", "slide",
    "win", "victory", "triumph", "rout", "thrashing", "blowout", "loss", "defeat", "setback", "drubbing", "upset",
    "tie", "draw", "stalemate", "score", "scoreline", "result", "margin", "lead", "deficit", "decision", "vote",
    "verdict", "count", "tally", "split", "majority", "edge", "comeback",
    "lifetime", "overall", "all-time",  # "284-286 lifetime"
})

#: Of RECORD_NOUNS, those that name one game's or one vote's result: the pair before them is a score.
RESULT_NOUNS = frozenset({
    "win", "victory", "triumph", "rout", "thrashing", "blowout", "loss", "defeat", "setback", "drubbing", "upset",
    "tie", "draw", "stalemate", "score", "scoreline", "result", "margin", "decision", "vote", "verdict", "count",
    "tally", "comeback",
})

#: What a maximum a person faces is a maximum of: a penalty or punishment (a prison term, a fine), in
#: general legal English. "could have faced up to 99 years in prison", "could have meant a sentence of up to
#: 99 years", "a fine of up to $9 million": the law's maximum is a real figure, not what did not happen.
PENALTY_NOUNS = frozenset({"sentence", "term", "prison", "jail", "gaol", "imprisonment", "incarceration", "custody",
                           "detention", "fine", "penalty", "punishment", "damages", "compensation", "ban",
                           "suspension", "probation", "lashes"})
#: Verbs of facing a maximum ("faced up to 20 years", "risks a fine of up to", "carries a maximum of").
FACING_VERBS = frozenset({"face", "faced", "faces", "facing", "risk", "risked", "risks", "risking", "carry", "carried",
                          "carries", "carrying", "incur", "incurred", "incurs", "attract", "attracted", "attracts",
                          "mean", "meant", "means", "receive", "received", "get", "got", "serve", "served"})

__all__ = ["FACING_VERBS", "PENALTY_NOUNS", "RECORD_NOUNS", "RESULT_NOUNS", "CASUALTY_PREFIXES", "DEATH_COMPOUNDS", "DURATION_EVENTS", "EVENT_WORDS", "INSTANCE_NOUNS", "MONEY_KIND_ADJECTIVES", "MONEY_KINDS",
           "MONEY_NOUNS", "MONEY_VERBS", "SIDE_WORDS"]
