"""Word lists for people's titles, sectors and descriptors (lower case)."""

from __future__ import annotations

# Words that head a title and may stand right before a name ("spokesperson Lim Soo-suk").
TITLE_HEADS = frozenset("""
ambassador envoy minister spokesperson spokesman spokeswoman president leader chairman chairwoman chair chairperson
secretary director commissioner rapporteur official representative delegate diplomat premier chancellor judge
prosecutor general commander colonel chief head mr. ms. mrs. dr. mr ms mrs dr professor researcher analyst activist
lawyer senator lawmaker congressman congresswoman governor mayor counsellor counselor consul adviser advisor
negotiator coordinator investigator expert king queen prince emperor dictator founder deputy vice-minister
vice-president vice-chairman admiral lieutenant captain major sergeant officer monitor campaigner defector member
director-general secretary-general under-secretary-general brigadier marshal ruler reverend pope cardinal
sheikh emir chairs lecturer teacher journalist reporter student doctor nurse engineer writer poet artist survivor
resident victim witness mother father wife husband son daughter sister brother lawyer attorney
""".split())

# Further words that may be part of a title ("Foreign Ministry", "Permanent Representative to the UN").
TITLE_WORDS = TITLE_HEADS | frozenset("""
foreign defense defence interior justice unification prime vice senior acting permanent special chief first former
top state executive high supreme deputy assistant national security ministry department office agency delegation
mission government cabinet presidential party central committee military army navy air force armed forces
intelligence police supreme court human rights affairs trade finance economy information culture health labor
labour education development cooperation relations international public overseas external legal
""".split())

CONNECTORS = frozenset(["of", "to", "for", "the", "on", "in", "and", "at", "'s", "’s", "-", "from", "with"])
# Prepositions after which a named state or body is a destination or topic, not an affiliation.
# "at" and "with" are affiliations ("a researcher at Amnesty International", "a lawyer with ...").
DESTINATION = frozenset(["to", "in", "on", "for", "toward", "towards", "against", "about", "over",
                         "into", "before", "after", "between", "among", "than", "within", "during", "by"])
# Words before a named state that cancel the affiliation: "a former Swedish diplomat".
NOT_AFFILIATED = frozenset(["former", "ex", "ex-", "retired", "onetime", "one-time"])
# "the country's UN mission", "a member of the delegation": the state in focus; "the group's": the organisation.
STATE_HOLDERS = frozenset(["country", "government", "treasury", "state", "nation", "regime", "delegation", "mission",
                           "ministry", "embassy", "administration", "kingdom", "republic", "junta"])
AFFILIATION_NOUNS = frozenset(["delegation", "mission", "ministry", "embassy", "government", "junta"])
# Parts of a state: a title naming one without a state belongs to the state in focus.
STATE_UNITS = frozenset(["ministry", "government", "embassy", "military", "army", "junta", "cabinet", "parliament",
                         "navy", "police", "presidency", "kremlin", "treasury", "minister", "vice-minister"])
# Titles a country name in front of describes the subject of ("a Syria researcher", "the Korea correspondent").
TOPIC_TITLES = frozenset(["researcher", "analyst", "expert", "correspondent", "specialist", "director", "campaigner",
                          "monitor", "coordinator", "adviser", "advisor", "scholar", "watcher", "editor"])
SPOKES = frozenset(["spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen"])
ORG_NOUNS = frozenset(["group", "organisation", "organization", "agency", "body", "office", "watchdog", "charity",
                       "council", "commission", "committee", "court", "bloc", "union"])
# Verbs of saying next to which a run of capitalised words is a name ("said Selvi Tharmalingam").
NAME_CUES = frozenset(["said", "says", "added", "adds", "told", "tells", "wrote", "asked", "warned", "explained",
                       "stressed", "noted"])

SECTORS = (
    ("JUD", frozenset(["judge", "court", "prosecutor", "justice", "attorney", "magistrate", "tribunal"])),
    ("MIL", frozenset(["general", "army", "military", "commander", "colonel", "admiral", "lieutenant", "soldier",
                       "navy", "sergeant", "captain", "major", "forces", "marshal"])),
    ("GOV", frozenset(["ambassador", "minister", "ministry", "spokesperson", "spokesman", "spokeswoman", "president",
                       "premier", "chancellor", "official", "diplomat", "envoy", "delegate", "delegation",
                       "representative", "secretary", "leader", "government", "senator", "lawmaker", "governor",
                       "mayor", "consul", "counsellor", "counselor", "king", "queen", "emperor", "dictator", "ruler",
                       "prime", "cabinet", "chair", "chairman", "chairwoman", "negotiator", "emir", "sheikh"])),
)
# A word before the general that says it is not the military kind ("Secretary-General", "Attorney General").
NOT_MILITARY = frozenset(["secretary", "attorney", "director", "solicitor", "inspector", "governor", "consul"])

MALE = frozenset(["he", "him", "his", "himself"])
FEMALE = frozenset(["she", "her", "hers", "herself"])
PERSONAL_PRONOUNS = MALE | FEMALE

# Descriptors that stand for a state: "the communist nation" is the communist state most recently in focus.
STATE_NOUNS = frozenset(["nation", "country", "regime", "government", "state", "kingdom", "dictatorship",
                         "administration", "republic"])
ADJECTIVE_STATES = {
    "communist": frozenset(["PRK", "CHN", "CUB", "VNM", "LAO"]),
    "reclusive": frozenset(["PRK", "TKM", "ERI"]),
    "isolated": frozenset(["PRK", "TKM", "ERI", "CUB", "IRN", "BLR", "MMR", "AFG", "SYR", "VEN", "NIC"]),
    "hermit": frozenset(["PRK"]),
    "nuclear-armed": frozenset(["PRK", "RUS", "CHN", "USA", "GBR", "FRA", "IND", "PAK", "ISR"]),
    "islamic": frozenset(["IRN", "AFG", "PAK", "SAU", "MRT"]),
    "theocratic": frozenset(["IRN", "AFG", "VAT"]),
    "junta-led": frozenset(["MMR", "MLI", "BFA", "NER", "GIN"]),
}
# "the regime" is said of governments the writer treats as authoritarian; prefer those when several are in focus.
REGIME_STATES = frozenset("""PRK SYR IRN MMR BLR VEN NIC ERI AFG CUB CHN RUS LAO VNM TKM SAU SDN SSD
BDI TCD GNQ TJK UZB AZE EGY""".split())
# Descriptors for bodies: "the assembly" is the UN General Assembly, "the council" the council in focus.
BODY_NOUNS = {
    "assembly": ("UNGA plenary",),
    "committee": ("UNGA Third Committee", "UN COI"),
    "mission": ("UN COI",),
    "experts": ("UN COI",),
    "investigators": ("UN COI",),
    "group": ("HRW", "AMNESTY"),
    "organisation": ("HRW", "AMNESTY"),
    "organization": ("HRW", "AMNESTY"),
    "office": ("OHCHR",),
    "agency": ("UNHCR", "UNRWA", "IAEA", "UNICEF", "WFP", "OCHA"),
    "panel": ("UN COI", "UNGA Third Committee"),
    "commission": ("UN COI",),
    "council": ("UNSC", "UNHRC"),
    "court": ("ICC", "ICJ"),
    "bloc": ("EU", "ASEAN", "AU", "GCC", "OIC"),
    "union": ("EU", "AU"),
    "rapporteur": ("UN Special Rapporteur",),
}
