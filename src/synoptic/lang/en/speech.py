"""English speech verbs: how news writing reports what someone said, promised or ordered.

Verb forms only where they are rarely nouns ("state", "reports", "claims", "warning" are left out).
The quote finder (``synoptic.extract.quotes``) reads these tables and carries no word lists of its own.
"""

from __future__ import annotations

from synoptic.lang.en.calendar import CALENDAR_NAMES
from synoptic.lang.en.names import UNIT_NOUNS

#: Reporting verbs (cues) in the forms that introduce a quote or a reported clause.
CUE_WORDS = frozenset(
    "said says say tell told tells added adds stated declared declares announced announces explained explains "
    "noted claimed insisted insists argued argues warned warns urged urges ask asked asks wrote writes tweeted "
    "reported confirmed confirms denied denies admitted admits acknowledged acknowledges stressed stresses "
    "emphasized emphasizes emphasised recalled recalls suggested suggests replied replies responded answered "
    "continued described describes vowed vows promised threatened threatens cried shouted chanted accused "
    "accuses praised ridiculed denounced denounces asserted asserts quipped joked predicted predicts concluded "
    "commented remarked observed boasted complained conceded cautioned countered recounted agreed echoed "
    "criticized criticised charged alleged alleges affirmed affirms revealed assured reiterated maintained "
    "maintains testified exclaimed lamented thanked mentioned pledged indicated believes believed thinks "
    "according saying called adding arguing noting telling writing tweeting asking insisting claiming "
    "stressing calling explaining declaring urging branded notes concludes yelled screamed boomed "
    "demanded demands yells shouts screams snapped scolded exhorted asserting wondered wonders read reads "
    # verbs of judging aloud, with the judgement quoted: "condemned the test as “provocative”"
    "condemned condemns blasted blasts slammed slams hailed hails lauded lauds likened likens termed dubbed "
    "labelled labeled characterized characterised characterizes characterises "
    # their -ing forms, as in "Clinton is describing him as “unhinged”", "Trump is promising “jobs, jobs, jobs”"
    "describing promising denouncing criticizing criticising praising accusing condemning blasting slamming "
    "hailing vowing pledging".split()
)

#: Verb forms that are as often nouns ("the claims", "reports say"): cues only when a clause follows them
#: at once ("the navy claims they have captured 23", "MSNBC is reporting that …").
#: "ruled" is one too: a court's or judge's ruling reports what it holds ("the judges ruled that his
#: extradition would be oppressive"), while "ruled out", "ruled the country" report nothing.
CLAUSE_ONLY_CUES = frozenset("claims reports reporting states ruled".split())

#: Cues of more than one word; the speaker stands before them ("She went on to say: …").
MULTIWORD_CUES = ("went on to say", "goes on to say", "went on", "goes on", "points out", "pointed out",
                  "did not know", "didn't know", "does not know", "doesn't know", "do not know", "don't know")

#: Cues of professed ignorance: a source who "did not know why the officers took it inside" said so.
#: They report only a question clause (or "that …"): "the driver did not know the road" is not speech.
IGNORANCE_CUES = frozenset(("did not know", "didn't know", "does not know", "doesn't know", "do not know",
                            "don't know"))

#: Cues that are part of what the source said: professed ignorance, denial, and verbs whose object is the
#: statement ("denied that …", "did not know why …", "described the calls as “absurd”", "thanked Putin
#: for his help"). A reported statement is shown from the cue on; after any other cue ("said that …",
#: "told reporters …") it is shown from its first word after the cue and "that".
CONTENT_CUES = IGNORANCE_CUES | frozenset(
    "denied denies ridiculed described describes praised thanked accused accuses denounced denounces "
    "criticized criticised called calling branded urged urges urging demanded demands asked asks asking "
    "threatened threatens vowed vows promised pledged condemned condemns blasted blasts slammed slams hailed "
    "hails lauded lauds likened likens termed dubbed labelled labeled "
    # their -ing forms, as in "Clinton is describing him as “unhinged”", "Trump is promising “jobs, jobs, jobs”"
    "describing promising denouncing criticizing criticising praising accusing condemning blasting slamming "
    "hailing vowing pledging".split()
)

#: Words that open a question clause after an ignorance cue.
QUESTION_OPENERS = frozenset("why whether how what who whom where when if which".split())

#: Cues that introduce a clause directly, without "that" ("Tokaev said order was restored").
BARE_CLAUSE_CUES = frozenset(
    "say said says tell told tells added adds stated believe believes believed think thinks thought insisted "
    "insists claimed claims warned argued argues".split()
)

#: Commissive speech acts reported with an infinitive: "X vowed to remain", "X has pledged to
#: protect": the statement is the commitment, verb included ("to remain" alone does not say whether
#: it was promised or threatened).
COMMISSIVE_VERBS = frozenset(
    "vow vows vowed vowing promise promises promised promising pledge pledges pledged pledging threaten "
    "threatens threatened threatening swear swears swore sworn undertake undertook undertaken".split()
)

#: Expressive speech acts reported as a verb with an attitude noun for its object: "X expressed doubt
#: about …", "X voiced concern that …". The statement is the whole act, verb
#: included ("about the wisdom of …" alone does not say whether it was doubted or hoped for). The verbs
#: whose subject holds the attitude (express, voice, register, air); "raise" and "cast" are left out,
#: as events raise fears and reports cast doubt without anyone saying so ("The storm raised fears …").
EXPRESSIVE_VERBS = frozenset(
    "express expresses expressed expressing voice voices voiced voicing "
    "register registers registered registering air airs aired airing".split()
)

#: The attitude nouns such a verb reports: doubt and belief, hope and fear, approval and disapproval,
#: feeling (English attitude nouns of reported evaluation; a closed grammatical class, not one story's).
ATTITUDE_NOUNS = frozenset(
    "doubt doubts concern concerns hope hopes fear fears worry worries regret regrets confidence "
    "skepticism scepticism optimism pessimism sympathy condolences support opposition disappointment "
    "dismay satisfaction dissatisfaction displeasure surprise frustration anger outrage indignation alarm "
    "shock sorrow grief gratitude appreciation solidarity reservations misgivings objections objection "
    "reservation suspicion suspicions uncertainty caution disapproval "
    "approval relief".split()
)

#: Words that may stand between an expressive verb and its attitude noun ("expressed serious doubts",
#: "voiced his deep concern"): determiners, possessives and degree adjectives.
ATTITUDE_MODIFIERS = frozenset(
    "a an the some his her their its our my grave serious deep deepest strong strongest growing great "
    "considerable real renewed sincere profound particular cautious new further mounting".split()
)

#: Nouns of saying that take a "that" clause: "Mr Korkoneas's statement that the bullet bounced …",
#: "the minister's claim that …". The possessor is the speaker, the clause what was said (English
#: nominalisations of reporting verbs; "the fact that", "the idea that" are no one's saying and left out).
SPEECH_NOUNS = frozenset(
    "statement statements claim claims assertion assertions insistence contention argument allegation "
    "allegations denial admission account testimony suggestion warning warnings promise pledge assurance "
    "assurances prediction announcement declaration explanation remark remarks comment comments "
    "complaint acknowledgment acknowledgement confirmation revelation".split()
)

#: A refusal to say, reported with what was said all the same: "X declined to describe the bomb but
#: indicated it was powerful", "Police could offer no details other than to say it was powerful". The
#: statement is the whole predicate, refusal included. Verbs of refusing (with "to") ...
REFUSAL_VERBS = frozenset("decline declines declined declining refuse refuses refused refusing".split())
#: ... and negated modals and auxiliaries before a verb of telling ("would not say", "could offer no").
NEGATED_AUXILIARIES = ("would not", "could not", "did not", "does not", "do not", "will not", "can not",
                       "cannot", "wouldn't", "couldn't", "didn't", "doesn't", "don't", "won't", "can't")
#: Verbs of telling and disclosing that a source refuses: complete for news English reporting.
DISCLOSURE_VERBS = frozenset(
    "comment elaborate describe discuss disclose reveal say give offer provide confirm identify name specify "
    "release detail explain speculate divulge".split()
)
#: Giving nothing away: "gave no details", "could offer little explanation" (the verb, then "no", "few", "little").
WITHHOLDING_VERBS = frozenset("give gives gave giving offer offers offered offering provide provides provided "
                              "providing".split())

#: Documents a body speaks through: "a Defence Ministry statement said", "the release said" stand for the
#: body that issued them.
#: Nouns for a business that a news report uses in place of its name once named ("the company said in a
#: statement"): English words for a commercial organisation.
FIRM_NOUNS = frozenset("company firm corporation business manufacturer maker retailer carrier airline chain "
                       "conglomerate".split())

DOCUMENT_NOUNS = frozenset("statement release communique communiqué announcement bulletin notice".split())

#: Documents in which a court or judge speaks: "Tempia's ruling said", "the judgment says", "their ruling
#: continued". Whoever owns one said what it says (the judge, the court); the judges, their court and its
#: rulings speak as one body (``synoptic.reconcile.quotes`` compares them as one speaker).
RULING_NOUNS = frozenset("ruling rulings judgment judgments judgement judgements verdict verdicts".split())

#: A court and its judges, named by the head noun of a speaker phrase ("the High Court", "Appeal judges",
#: "the justices", "the tribunal", "the bench"): with RULING_NOUNS, one body of speakers.
COURT_NOUNS = frozenset("court courts judge judges justices bench tribunal".split())

#: Documents and data a statement is read from ("according to the map", "the study found", "the report says"):
#: what they say is no person's, so it never joins a person's statement as an unnamed person's would.
#: English nouns of written and compiled sources (with DOCUMENT_NOUNS and RULING_NOUNS).
RECORD_NOUNS = frozenset(
    "map maps report reports study studies survey surveys data figures statistics document documents record "
    "records filing filings estimate estimates analysis census poll polls index chart charts database research "
    "findings website paper papers letter memo email tweet post book article".split()
) | DOCUMENT_NOUNS | RULING_NOUNS

#: Intransitive verbs of speaking: a sentence "X spoke outside the court." right before a quote in its paragraph
#: introduces it as the one after "X said:" does.
SPEAKING_VERBS = frozenset("spoke speaks talked talks".split())

#: Directive speech acts reported as giving or issuing a directive: "X gave (yesterday) orders to shoot",
#: "the ministry issued instructions to …". The verbs of giving a directive and the directive nouns.
DIRECTIVE_VERBS = ("gave", "give", "gives", "giving", "issued", "issue", "issues", "issuing", "has given",
                   "had given", "have given")
DIRECTIVE_NOUNS = frozenset("order orders instruction instructions directive directives command commands "
                            "ultimatum".split())

#: Auxiliaries and adverbs that may stand between a speaker and a commissive verb, kept in the statement.
COMMISSIVE_AUXILIARIES = frozenset("has have had will would also again already repeatedly publicly".split())

#: Lowercase one-word sources ("sources said", "officials say").
SOURCE_NOUNS = frozenset(
    "sources officials experts analysts witnesses residents police authorities critics observers aides "
    "advisers advisors diplomats lawmakers protesters demonstrators activists investigators prosecutors "
    "researchers scientists doctors economists voters supporters opponents republicans democrats people "
    "reports polls media".split()
)

#: Nouns heading a body that speaks as one ("the Indian government", "the military", "the ministry"): the
#: armed, police and civil units of ``names.UNIT_NOUNS`` and the bodies of government, justice and business.
BODY_NOUNS = UNIT_NOUNS | frozenset(
    "government administration military cabinet council committee commission court parliament congress "
    "senate assembly embassy consulate authority company firm corporation bank board union federation "
    "association institute organisation organization watchdog regulator monitor".split()
)

#: Words that name someone speaking for a body, not the body: "a navy spokesman", "Navy sources",
#: "a Defence Ministry statement" speak for the navy, the ministry.
VOICE_WORDS = frozenset(
    "spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen official officials source sources "
    "statement statements release releases representative representatives headquarters communique "
    "communiqué announcement".split()
)

#: Cues after which the speaker may follow (",” said Tokayev"). Verbs that take an object ("called
#: him a “loser”", "described his skills as …", "urged lawmakers to …") are not among them: the noun
#: after them is who or what was spoken of, not the speaker.
INVERTING_CUES = frozenset(
    "said says say added adds asked asks wrote writes explained explains noted notes stated declared continued "
    "replied replies responded answered insisted insists argued argues recalled recalls concluded concludes "
    "commented remarked observed warned warns cautioned countered conceded admitted admits acknowledged "
    "confirmed announced tweeted quipped joked exclaimed cried shouted yelled screamed boomed recounted "
    "lamented complained boasted predicted suggested stressed emphasized emphasised maintained reiterated "
    "affirmed asserted claimed reported chanted went goes demanded demands yells shouts screams snapped wondered "
    "wonders read reads".split()
)

#: Head nouns of a time phrase that may stand between a speaker and its cue ("Trump at the time said",
#: "Beck, who has in the past described", "police this morning said").
TIME_NOUNS = frozenset(
    "time past moment week weekend month year day morning afternoon evening night hours today yesterday".split()
) | CALENDAR_NAMES
#: Words that open such a time phrase.
TIME_PHRASE_OPENERS = frozenset("in on at during over last this that earlier later early late the".split())

#: Role nouns of an unnamed speaker ("a navy spokesman", "a senior naval commander") and the titles
#: an article may give the person it then names in that role ("navy spokesman Commander X", "Vice Adm.
#: X"). A speaker's role noun matches a title of its own family. Complete classes of English: the
#: spokesperson nouns, and the military command ranks (a "commander" in news prose is any of them).
ROLE_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset("spokesman spokeswoman spokesperson".split()),
    frozenset(
        "commander cmdr comdr admiral adm general gen commodore colonel col brigadier brig major maj".split()
    ),
    frozenset("minister".split()),
    frozenset("ambassador envoy".split()),
    frozenset("governor gov".split()),
    frozenset("mayor".split()),
    frozenset("prosecutor".split()),
    frozenset("secretary".split()),
)

#: Nouns for a person of one sex (kinship, address, gendered roles): "she said" after "Nichols' mother
#: expressed …" stands for the mother. Complete closed classes of English, lowercase, singular.
FEMALE_NOUNS = frozenset(
    "mother mom mum wife widow daughter sister grandmother grandma granddaughter aunt niece stepmother "
    "stepdaughter stepsister girlfriend fiancee fiancée bride woman girl lady queen princess duchess countess "
    "actress waitress hostess heroine spokeswoman chairwoman congresswoman councilwoman businesswoman "
    "policewoman sportswoman nun matriarch mistress madam".split()
)
MALE_NOUNS = frozenset(
    "father dad son husband widower brother grandfather grandpa grandson uncle nephew stepfather stepson "
    "stepbrother boyfriend fiance fiancé groom man boy gentleman king prince duke count actor waiter host hero "
    "spokesman chairman congressman councilman businessman policeman sportsman monk patriarch".split()
)
