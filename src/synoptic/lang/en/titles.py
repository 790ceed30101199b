"""English titles, honorifics, ranks and name designators: what is dropped from a name for matching.

Complete classes of the language (civil, military, police, clerical titles; company-law suffixes;
ship prefixes; common hypocorisms of given names), never the names of one story.
"""

from __future__ import annotations

#: Honorifics and courtesy titles, lowercase, without a final dot.
HONORIFICS = frozenset(
    "mr mrs ms miss mx dr sir madam mme m mlle prof professor dame lord lady rev reverend fr father "
    "sister brother sheikh sheik emir imam rabbi hon".split()
)

#: Offices, ranks and roles written before a name ("Police Chief Scott Russell", "Vice Adm. X").
RANKS = frozenset(
    "president vice prime minister secretary senator sen rep representative gov governor mayor judge justice "
    "clerk officer sgt sergeant lt lieutenant capt captain cmdr commander comdr commodore gen general col "
    "colonel maj major adm admiral rear brig brigadier cpl corporal pvt private trooper senior deputy chief "
    "inspector superintendent constable detective det agent coach gm ceo cfo chairman chairwoman director "
    "spokesman spokeswoman spokesperson prince princess king queen crown pope cardinal bishop archbishop "
    "chancellor premier ambassador envoy consul attorney prosecutor sheriff marshal warden ensign "
    "lance first second staff master petty police fire state foreign interior defence defense finance "
    "former acting late lawyer analyst professor economist historian editor reporter correspondent "
    # police ranks and their written short forms (Commonwealth and US forces: "Const.", "Cst.", "Supt.",
    # "Ofc.", "Insp.", "Commr."; the British initials "PC", "DC", "DI" are left out: they open other names)
    "const cst supt insp ofc patrolman patrolwoman commissioner commr comm "
    "superintendent "
    # military ranks not above, and their short forms (Army, Navy, Air Force, Marines)
    "pfc spc specialist ssgt msgt sfc cwo cpt cdr lcdr cmdre ens midshipman cadet seaman airman "
    "rifleman marshal "
    # civil offices and styles
    "pres amb atty dep asst cllr councillor councilor councilman councilwoman alderman ald assemblyman "
    "assemblywoman assemblymember congressman congresswoman delegate legislator lawmaker mp mep "
    "comptroller treasurer magistrate coroner ombudsman undersecretary speaker "
    # clerical styles
    "msgr monsignor pastor deacon cleric mullah mufti ayatollah".split()
)

#: Words of RANKS that only qualify another title ("Police Chief", "Foreign Minister", "Vice Adm."):
#: at the end of a name they are part of it ("Oregon State Police"), not a rank.
QUALIFIERS = frozenset(
    "vice prime senior deputy chief rear first second staff master petty police fire state foreign interior "
    "defence defense finance former acting late crown lance".split()
)

#: Letters written after a person's name for an office, an honour or a degree, which the name is also written
#: without ("Edward Fitzgerald QC", "Jane Smith MP", "John Brown OBE"): British and Commonwealth post-nominals
#: (Queen's/King's Counsel, Senior Counsel, members of the parliaments, the orders of the British Empire, the
#: Royal Society). Lower case; not those that are English words ("am", "ms").
POSTNOMINALS = frozenset("qc kc sc mp mep msp mla mpp td obe cbe mbe kbe dbe gbe frs".split())

#: Everything that may stand before a name and is not part of it.
TITLES = HONORIFICS | RANKS

#: Trailing words that designate the legal form or kind of an organisation; "Wells Fargo Bank",
#: "Harry Winston Diamond Corp." and "Woodburn Police Department" are named without them too.
ORG_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company cos ltd limited plc llc llp lp sa ag nv bv gmbh spa srl "
    "ab as asa oy kk pty group holding holdings bank department dept "
    # legal forms of other countries that English news keeps in a company's name (Japan's kaisha,
    # Egypt's SAE, France's SAS/SARL, Malaysia's Bhd, Singapore's Pte, Indonesia's Tbk, the EU's SE)
    "kaisha kabushiki sae sas sarl bhd berhad pte tbk se kgaa aps sro".split()
)

#: Words before a vessel's name ("INS Tabar", "MV Faina", "HMS Cornwall", "the tanker Sirius Star").
VESSEL_PREFIXES = frozenset("ins ms mv mt ss uss hms hmas hmcs rfs fs tcg ns m/v m/s m/t".split())

#: Common English hypocorisms: nickname -> the given names it stands for. Two people with these
#: first names and one surname may be one person ("Bill Hakim" / "William Hakim").
HYPOCORISMS: dict[str, tuple[str, ...]] = {
    "bill": ("william",), "will": ("william",), "billy": ("william",), "liam": ("william",),
    "bob": ("robert",), "rob": ("robert",), "bobby": ("robert",), "bert": ("robert", "albert"),
    "jim": ("james",), "jimmy": ("james",), "jamie": ("james",),
    "mike": ("michael",), "mick": ("michael",), "tom": ("thomas",), "tommy": ("thomas",),
    "dick": ("richard",), "rick": ("richard",), "rich": ("richard",), "ricky": ("richard",),
    "ted": ("edward", "theodore"), "ed": ("edward", "edwin", "edmund"),
    "eddie": ("edward",), "ned": ("edward",), "tony": ("anthony", "antonio"), "andy": ("andrew",),
    "drew": ("andrew",), "dan": ("daniel",), "danny": ("daniel",), "dave": ("david",),
    "joe": ("joseph",), "joey": ("joseph",), "jack": ("john",), "johnny": ("john",),
    "chris": ("christopher", "christine", "christina"), "matt": ("matthew",), "pat": ("patrick", "patricia"),
    "pete": ("peter",), "steve": ("steven", "stephen"), "sam": ("samuel", "samantha"),
    "ben": ("benjamin",), "nick": ("nicholas",), "greg": ("gregory",), "jeff": ("jeffrey",),
    "jerry": ("gerald", "jerome"), "larry": ("lawrence", "laurence"), "harry": ("henry", "harold"),
    "hank": ("henry",), "charlie": ("charles",), "chuck": ("charles",), "fred": ("frederick",),
    "frank": ("francis", "franklin"), "ken": ("kenneth",), "ron": ("ronald",), "don": ("donald",),
    "doug": ("douglas",), "phil": ("philip", "phillip"), "ray": ("raymond",), "walt": ("walter",),
    "alex": ("alexander", "alexandros", "alexandra", "alexis"), "alexis": ("alexandros", "alexander"),
    "sandy": ("alexander", "sandra"), "liz": ("elizabeth",), "beth": ("elizabeth",),
    "betty": ("elizabeth",), "kate": ("katherine", "catherine"), "katie": ("katherine", "catherine"),
    "cathy": ("catherine",), "sue": ("susan",), "jenny": ("jennifer",), "jen": ("jennifer",),
    "meg": ("margaret",), "peggy": ("margaret",), "maggie": ("margaret",), "debbie": ("deborah",),
    "vicky": ("victoria",), "becky": ("rebecca",), "abby": ("abigail",),
    # the back-clipped and other common forms (the end of the given name kept, or a changed one)
    "tina": ("christina", "christine", "martina", "valentina", "bettina"), "trish": ("patricia",),
    "patty": ("patricia",), "sally": ("sarah",), "molly": ("mary",), "polly": ("mary",), "kathy": ("katherine", "kathleen"),
    "cindy": ("cynthia", "lucinda"), "mandy": ("amanda",), "bella": ("isabella", "isabel"), "ellie": ("eleanor", "elinor"),
    "nell": ("eleanor", "helen"), "bess": ("elizabeth",), "betsy": ("elizabeth",),
    "gina": ("regina", "georgina"), "trina": ("katrina",), "lena": ("helena", "magdalena"), "xander": ("alexander",),
    "sasha": ("alexander", "alexandra"), "nate": ("nathan", "nathaniel"), "zach": ("zachary",), "josh": ("joshua",),
    "jake": ("jacob",), "gabe": ("gabriel",), "stan": ("stanley",),
    "toni": ("antonia",), "topher": ("christopher",), "rosie": ("rosemary", "rosalind"), "dottie": ("dorothy",),
}


def strip_titles(words: list[str]) -> list[str]:
    """``words`` without the titles standing before the name, keeping at least the last word
    (["Senior", "Trooper", "William", "Hakim"] -> ["William", "Hakim"])."""
    k = 0
    while k < len(words) - 1 and words[k].lower().rstrip(".") in TITLES:
        k += 1
    return words[k:]


def given_name_forms(name: str) -> set[str]:
    """The lowercase given names ``name`` may stand for (itself and, for a hypocorism, its full forms)."""
    low = name.lower().rstrip(".")
    return {low, *HYPOCORISMS.get(low, ())}

#: Nouns for vessels: a name right after one ("the dhow Salahaddin", "the tanker named Sirius Star")
#: names a vessel, whatever else it looks like.
VESSEL_NOUNS = frozenset(
    "ship vessel boat dhow skiff tanker freighter trawler frigate destroyer warship cruiser carrier submarine "
    "yacht liner ferry tug barge schooner corvette steamer supertanker".split()
)
