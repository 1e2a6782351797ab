"""Answer types: what kind of text answers a question ("how many", "who", "when") and the
single proper nouns a quote must name.

* "How many/much X" is answered by a figure attached to X (within a few words of it), not by
  any number in the passage: a date or a year is not a count, nor a number that labels
  ("level 2", "edition 3", "page 12"). "How much does it cost" is answered by an amount of
  money (or "free").
* "Who" is answered by a person or a role: a name, or a word for people ("chair", "fathers",
  "practitioners", "the police").
* "When" is answered by a date, a period or a condition ("in 2020", "within 15 working days",
  "at the weekend", "as soon as", "if").
* "What is X called?" is answered by a sentence that names it ("is named", "known as", a title
  in quotes); this only picks the sentence to mark: a name can be given in other ways.
* A proper noun of the question (a place, a named review, a pseudonym, an organisation) is a
  name, not a topic: it must be in the quote or in its heading, word for word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answering import meaning
from assistant.index.lexical import _stemmer

# Readings of a question are remembered for the question being answered (the rules ask them of
# it many times), not across questions: a question is rarely asked twice, and a cache keyed by
# questions would only grow (tests/test_load.py holds the heap still).
QUESTIONS_KEPT = 64

_COUNT = re.compile(
    r"\bhow (many|much)\b|\bwhat (number|percentage|proportion|share)\b"
    r"|\b(?:(?:max|maximum|minimum|min|total)\s+)?(?:number|percentage|proportion) of\b"
    # shorthand: "no of s47s", "the no. of referrals"
    r"|(?:^\W*|\b(?:the|what|what's|whats|total|max|maximum|min|minimum)\s+)no\.?\s+of\b"
    # figures asked for by their noun: "what were the referral numbers for 2023?", "what are the figures?"
    r"|^\W*what\s+(?:is|are|was|were)\s+(?:the\s+)?(?:(?!(?:tele)?phone\b|contact\b|tel\b)[\w'’-]+\s+){0,3}?"
    r"(?:numbers|figures|statistics|stats)\b"
    # a rate asked by its unit: "caseload per officer", "calls per day" (a figure, whatever is counted)
    r"|^(?!.*\b(?:how|when|where|why|who|which)\b).*\bper\s+(?:day|week|month|year|officer|worker|head|person|"
    r"child|case|school)\W*$",
    re.I,
)
_WHO = re.compile(r"^\s*(?:\w+\s+){0,2}(who|whom|whose)\b", re.I)
_NAMED = re.compile(r"\b(called|named|titled|entitled|known as)\s*\??\s*$|\bwhat is the (name|title) of\b", re.I)
HOW_TIME = frozenset({"long", "soon", "often"})  # "how often": how a "when" question asks, not what about
# "On what date", "which year": a date answers it, not "at night" or "if".
_DATE = re.compile(r"\b(?:what|which) (?:date|year|month|day)\b", re.I)
# "complain until which date?", "by what date must we...": a deadline, given as a date or a
# period ("within 15 working days of the conference").
_DEADLINE = re.compile(r"\b(?:until|till|by|before)\s+(?:what|which)\s+(?:date|day)\b", re.I)
DATE_FRAME = frozenset({"date", "year", "month", "day"})
_WHEN = re.compile(
    r"^\s*(?:\w+\s+){0,2}when\b|\bwhat (date|year|day|time)\b|\bhow (long|soon|often|quick|quickly|fast)\b", re.I
)

NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred hundreds thousand thousands
million dozen half third quarter most majority minority few several once twice thrice""".split()
)
MONTHS = frozenset(
    """january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_TIME_WORDS = (
    MONTHS
    | DAYS
    | frozenset(
        """weekend weekends day days week weeks
month months year years hour hours minute minutes night nights morning evening today tomorrow yesterday
annually annual daily weekly monthly yearly during after before until since within while once whenever
when if soon immediately promptly urgently now delay straightaway always every whenever age aged ages period
periods term terms holiday holidays deadline date dates spring summer autumn winter afternoon afternoons
mornings evenings""".split()
    )
)
# Words for people and roles: who a "who" question can be answered with.
_PEOPLE = frozenset(
    """chair chairs chaired chairing member members director directors minister ministers secretary lead leads
officer officers head heads commissioner worker workers nurse nurses visitor visitors practitioner practitioners
professional professionals partner partners parent parents father fathers mother mothers carer carers child
children baby babies infant infants teenager teenagers adult adults family families people person staff team
teams police doctor doctors gp gps teacher teachers school schools panel board partnership partnerships
agency agencies authority authorities council councils service services government he she they someone anyone
reviewer reviewers author authors leader leaders manager managers midwife midwives paediatrician clinician
clinicians colleague colleagues everyone we you i neighbour neighbours friend friends relative relatives grandparent
grandparents grandmother grandfather sibling siblings brother brothers sister sisters son sons daughter daughters aunt
uncle husband wife boyfriend girlfriend man men woman women boy boys girl girls paramedic paramedics""".split()
)
PEOPLE = _PEOPLE  # words for people, roles and agencies (whose a service is: aspects.modified)
_NAMING = frozenset("called named titled entitled known name title".split())
_HOW_OFTEN = frozenset({"times", "occasions"})
_MULTIPLES = frozenset({"once", "twice", "thrice"})
# "how many times all together", "how many in total": how the count is taken, not what it counts
_IN_ALL = frozenset("all together altogether overall total totals".split())
# Words for figures themselves: in a question asking for a figure they name the answer's form.
FIGURE_WORDS = frozenset("figure figures number numbers statistic statistics stats data total totals count".split())
COUNT_WINDOW = 6  # words between a figure and the thing it counts ("482 serious incident notifications")
# A part of a whole is rarely a stray number, and often follows its verb ("referrals to children's
# social care rose by 8 per cent"): it may sit further from what it is a part of.
PROPORTION_WINDOW = 10


_MONEY = re.compile(
    r"\bhow much\b.*\b(cost|costs|price|charge|charged|pay|paid|spend|spent|fee|fees|budget|funding|money|raise|"
    r"raised|raising|earn|earned|donate|donated|donations|income|bring in|brings in|brought in)\b"
    r"|\bwhat (is|are) the (cost|price|fee|fees|charge|budget)\b",
    re.I,
)
# "What was Quillhaven's board budget for 2022 to 2023?": a "what is" question whose subject is
# an amount of money asks for the amount, as "how much" does. Only when the money noun heads the
# subject: "what is the extra money *in* the budget paying for" asks what it buys.
_WHAT_IS = re.compile(r"^\s*what(?:['’]s|\s+(?:is|was|are|were|will be|would be))\s+(?P<subject>[\w'’ -]+)", re.I)
MONEY_NOUNS = frozenset("budget budgets cost costs price prices fee fees funding spend spending".split())
_PERIOD_WORDS = frozenset("last this next each every per a".split())  # "budget last year", "cost a week"
_SUBJECT_BREAK = frozenset("of in for to about on with from by at into than that which who".split())


def asks_amount(question: str) -> bool:
    """Is the question's subject an amount of money ("what was the partnership's budget")?"""
    m = _WHAT_IS.match(question)
    if not m:
        return False
    subject = m.group("subject").lower().split()
    for i, w in enumerate(subject[:6]):
        if w in _SUBJECT_BREAK:
            return False
        after = subject[i + 1] if i + 1 < len(subject) else ""
        # the head of the subject: "the funding formula" asks for a formula
        if w in MONEY_NOUNS and (not after or after in _SUBJECT_BREAK or after in _PERIOD_WORDS or after.isdigit()):
            return True
    return False


_AMOUNT = re.compile(
    r"[£$€]\s?\d|\b\d[\d,.]*\s?(?:p|pence|pounds?|euros?|dollars?)\b|\bfree\b|\bno (?:charge|cost|fee)\b", re.I
)
# Nouns a number labels rather than counts ("level 2", "edition 3", "page 12", "section 5").
LABELS = frozenset(
    """level levels edition page pages p pp section sections paragraph para step chapter part version phase
stage tier grade room appendix annex figure table item question recommendation finding no""".split()
)


# "phone number for ...", "what is the out-of-hours telephone number?", "duty team number":
# a number to ring, not a count.
_PHONE_Q = re.compile(
    r"\b(?:phone|telephone|tel|contact|helpline|mobile|emergency)\s+(?:number|no)\b"
    r"|\b(?:team|line|desk|door|service|office)\s+(?:number|no)\b|\bwhat number (?:do|should|can|is|to)\b"
    r"|\bnumber (?:to|do i|should i) (?:call|ring|phone)\b"
    # "which is the telephone of the CADS", "whats the number for the league", "the number of the
    # office of the chairs" (a place or a person's: not "the number of referrals", a count)
    r"|\b(?:what|which|wh?at)(?:['’]?s|\s+is|\s+are)?\s+(?:the\s+|your\s+)?(?:tele)?phone\b(?!\s+(?:policy|use|rules?)\b)"
    r"|\bnumber\s+for\b"
    r"|\bnumber\s+of\s+(?:the|your|their)\s+(?:[\w-]+\s+){0,2}?(?:office|team|hub|service|line|desk|front door|"
    r"helpline|duty)\b"
    # typed as a search, with no word of asking: "lado number?", "out of hours number police" (not
    # "referrals number", a plural counted, nor "number of ...")
    r"|^(?!.*\b(?:how|what|which|who|whom|when|where|why|is|are|was|were)\b)(?:[\w'’&-]+\s+){0,6}?"
    r"(?!(?:the|a|right|correct|exact|real|actual|total|same)\s)(?:[\w'’&-]*[^s\W]|hours)\s+(?:number|phone|tel)\b"
    r"(?!\s+of\b)",
    re.I,
)
# A head noun that says only "a person" ("the welfare *person*", "the safeguarding *lady*"): the
# asker's word for a post whose own name they do not know; its modifier names the post.
VAGUE_HEADS = frozenset("person people lady man woman guy bloke chap fella someone somebody".split())
# "whats the number for the league chairman": whom the number is of, its last word the head
_PHONE_WHOM = re.compile(
    r"\b(?:number|phone|telephone|tel|contact)\s+(?:for|of)\s+(?:the|a|an|my|our|your|their)?\s*"
    r"(?:[\w'’-]+\s+){0,3}?(?:(?P<post>[^\W\d_]{3,})\s+)?(?P<head>[^\W\d_]{3,})\W*$",
    re.I,
)


# when the number is rung, after whose it is: "adult social care out of hours", "the duty team at night"
_WHEN_RUNG = re.compile(
    r"\s+(?:out\s+of\s+hours|at\s+night|overnight|at\s+(?:the\s+)?weekends?|on\s+(?:a\s+)?(?:weekend|sunday|saturday)s?|"
    r"in\s+(?:an\s+)?emergenc(?:y|ies)|after\s+\d+\s*(?:pm|am)?)\W*$",
    re.I,
)


def phone_whom(question: str) -> str:
    """The head of whom a phone question asks the number of, at its end ("chairman"); else ""."""
    m = _PHONE_WHOM.search(_WHEN_RUNG.sub("", question))
    if not m:
        return ""
    # "the league welfare lady": the post is the word before the asker's vague one
    return m.group("head") if m.group("head").lower() not in VAGUE_HEADS else (m.group("post") or "")


_PHONE = re.compile(r"(?<![\d£$€.,])(?:\+44\s?|0)\d{2,4}(?:[\s-]?\d{3,4}){1,2}(?![\d,])|\b(?:999|111|101|112)\b")
PHONE_FRAME = frozenset({"number", "phone", "telephone", "tel", "no"})


# "Where can I read the full review?", "where do we find the policy?", "where is the report
# published?": where a text is kept. A verb of reading asks it of anything; "find", "get", "see"
# and "published" only of a document ("where can I find help?" asks for a service).
_READING = frozenset("read download view".split())
_FINDING = frozenset("find get see access obtain published posted kept available".split())
TEXTS = frozenset(
    """review reviews report reports guidance policy policies procedure procedures leaflet leaflets briefing
briefings minutes summary newsletter document documents handbook toolkit protocol strategy plan publication
podcast recording webinar transcript form forms handout handouts poster posters booklet booklets factsheet
notes paper papers article""".split()
)
# Where a text is kept: a website, an address, an intranet, "available from".
_SOURCE = re.compile(
    r"\b(?:websites?|web ?(?:site|page)s?|online|intranet|portal|library|hub)\b|\bwww\.|https?://"
    r"|\.(?:gov|org|co|nhs)\.uk\b|\bavailable (?:from|on|at|to)\b|\bon request\b",
    re.I,
)
SOURCE_WORDS = ("website", "intranet", "portal", "online", "www")  # widen the BM25 query of a "source" question


def asks_source(question: str) -> bool:
    """Does the question ask where a text can be read ("where can I read the whole review?")?"""
    m = re.search(r"\bwhere\b", question, re.I)
    if not m:
        return False
    toks = [w.lower() for w in re.findall(r"[^\W\d_]+", question[m.end() :])][:12]
    for i, w in enumerate(toks[:6]):
        if w in _READING or (w in _FINDING and TEXTS & (set(toks[max(0, i - 4) : i]) | _found(toks[i + 1 : i + 7]))):
            return True
    return False


# "where did police find the boy *from* the review": what is found is the boy; a text named after a
# preposition only says which boy. ("of" is left: "a copy of the review" is the review.)
_AFTER_WHAT_IS_FOUND = frozenset("from in at on about with by for during".split())


def _found(after: list[str]) -> set[str]:
    """The words after a verb of finding up to the first preposition after a word that is no text."""
    for j, w in enumerate(after):
        if w in _AFTER_WHAT_IS_FOUND and j and after[j - 1] not in TEXTS:
            return set(after[:j])
    return set(after)


# A question of its own after an earlier one ("When was it published? which agencies took part?"):
# it opens with a word of asking, and what it asks for is its own, not the earlier question's.
_SUFFIXED = re.compile(r"\d[\d,.]*(?:p|k|m|bn)$")
_ASKED_APART = re.compile(r"(?<=\?)\s+")
_TOLD = re.compile(r"(?<=[.!])\s+(?=\S)")
_LAST_ASKED = re.compile(
    r"(?<=\?)\s+(?=(?:(?:and|but|so|or)\s+)?(?:which|what|who|whom|whose|where|when|how|why|is|are|was|were|do|does|did|can|could|will|"
    r"would|should|has|have|had)\b)",
    re.I,
)


# "... and how many of them were from schools?", "who checks them and when", "the telephone of the
# CADS and at what hours they answer": a second question asked after "and", with a word of asking.
_SECOND_ASK = re.compile(
    r"(?:,\s*|\s+)and\s+(?:(?:at|in|on|from|for|to|by)\s+)?(?=(?:how|what|when|who|whom|where|which)\b)", re.I
)


def second_ask(question: str) -> str:
    """The words of a second question joined to the first by "and" ("" when there is none)."""
    parts = _SECOND_ASK.split(question or "", maxsplit=1)
    return parts[1] if len(parts) == 2 else ""


@lru_cache(maxsize=QUESTIONS_KEPT)
def kind(question: str) -> str:
    """ "money", "phone", "source", "count", "who", "date", "when", "name" or "" (any other question).
    Of several questions, the last that opens with a word of asking says it (a follow-up read
    with the question before it). Remembered: the rules ask it of the same question some thirty times."""
    return _kind(asked_sentence(_LAST_ASKED.split(question.strip())[-1]))


def asked_sentence(question: str) -> str:
    """The sentence asked, without the scene told before it: "my daughter's coach asked for her
    mobile number. is he allowed to do that?" asks only its last sentence."""
    question = question.strip()
    return _TOLD.split(question)[-1] if question.endswith("?") else question


def _kind(question: str) -> str:
    if _MONEY.search(question) or asks_amount(question):
        return "money"
    if _PHONE_Q.search(question):
        return "phone"
    if asks_source(question):
        return "source"
    if _COUNT.search(question):
        return "count"
    if _WHO.search(question):
        return "who"
    if _DATE.search(question):
        return "when" if _DEADLINE.search(question) else "date"
    if _WHEN.search(question):
        return "when"
    if _NAMED.search(question):
        return "name"
    return ""


_POLAR = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|also|then)\W+)?(?:is|are|was|were|am|do|does|did|can|could|should|must|"
    r"has|have|had|will|would|may|might|shall)(?:n['’]?t)?\b",
    re.I,
)


def opens_polar(question: str) -> bool:
    """Does ``question`` open as a yes-or-no question ("does he get...", "and is it...")?"""
    return bool(_POLAR.search(question))


def polar(question: str) -> bool:
    """A yes-or-no question ("did staff check...?", "can I say yes to...?"): what it asks is
    whether its whole statement holds, not who or what fills its verb's slot."""
    return bool(_POLAR.search(question)) and not _WHO.search(question) and kind(question) == ""


def count_frame(question: str) -> re.Match | None:
    """Where a count question asks for its figure ("how many", "what percentage of")."""
    return _COUNT.search(question)


def count_target(question: str, stop: frozenset) -> list[str]:
    """The words a count question counts: "how many serious incident notifications were..."
    -> ["serious", "incident", "notifications"]: up to the next frame word or past-tense verb
    ("how many fathers joined"), three words at most. A follow-up read with the question before
    it counts what either asks ("and the health visitor, how many visits?" after "how many times
    did the nursery tell..."; "and how many of them were..." after "how many referrals..."), its own first."""
    parts = reversed(_ASKED_APART.split(question))
    return list(dict.fromkeys(w for part in parts for w in _counted(part, stop)))


def _counted(question: str, stop: frozenset) -> list[str]:
    m = _COUNT.search(question)
    if not m:
        return []
    if m.group(0).lower().rstrip("?!. ").split()[-2:-1] == ["per"]:
        # "pal calls per day": a rate counts the word before its unit ("calls"), not "pal"
        before = [w for w in re.findall(r"[^\W_]+", question[: m.end()].lower()) if w not in stop or w == "per"]
        at = len(before) - 1 - before[::-1].index("per") if "per" in before else -1
        return before[at - 1 : at] if at > 0 else []
    out: list[str] = []
    for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", question[m.end() :].lower()):
        if w in _HOW_OFTEN and not out:  # "how many times did X..." counts X's visits: "twice"
            continue
        if w in stop or w in _IN_ALL or w.isdigit() or (out and w.endswith("ed")):
            if out:
                break
            continue
        out.append(w)
    first, *rest = question[m.end() :].split(None, 1) or [""]
    compound = "-" in first.strip("-")  # "grown-ups", "looked-after": one noun
    if out and _only_a_verb(out[0]) and not compound:  # "how many went on to a full review": what they went on to
        return (_counted("how many " + rest[0], stop) if rest else []) or out[:1]
    return out[:3]


def _only_a_verb(word: str) -> bool:
    """A word English uses only as a verb ("went", "led"), not as what a count counts."""
    return meaning.word_classes(word) == frozenset({"VERB"})


def is_figure(tokens: list[str], i: int) -> bool:
    """A count: a number that is not a year or a day of a month, or a number word."""
    t = tokens[i]
    if t in NUMBER_WORDS or _SUFFIXED.match(t):  # "84p", "12k", "3m": an amount
        return True
    if not t.isdigit():
        return False
    if len(t) == 4 and t[:2] in ("19", "20"):
        return False
    if i and tokens[i - 1] in LABELS:  # "level 2" names a course, it counts nothing
        return False
    near = tokens[max(0, i - 1) : i] + tokens[i + 1 : i + 2]
    return not any(n in MONTHS for n in near)


_UNITS_OF_TIME = frozenset(
    "second seconds minute minutes hour hours day days week weeks fortnight fortnights month months year years".split()
)
TIME_UNIT_STEMS = frozenset("second minut hour day week fortnight month year".split())


def a_length(tokens: list[str], i: int, targets: list[bool]) -> bool:
    """Does the figure at ``i`` measure time ("15 working days", "six months old") rather than
    count what the question counts? Unless time is what it counts ("how many working days")."""
    for j in range(i + 1, min(i + 3, len(tokens))):
        if tokens[j] in _UNITS_OF_TIME:
            # "18 hours of training" answers "how much training": the time is of what is asked
            of_it = j + 2 < len(tokens) and tokens[j + 1] == "of" and targets[j + 2]
            return not (targets[j] or of_it)
    return False


# "What's the average number of days ...?": a statistic of a kind, answered only by a figure said
# to be of that kind (the stems of its names), not by any count of the same things.
STATISTICS = frozenset({"averag", "median"})


# "What percentage/proportion/share of X": answered by a part of a whole, not by a count.
PROPORTION_FRAME = frozenset({"percentage", "proportion", "share", "fraction", "percent"})
_FRACTIONS = frozenset(
    """half halves third thirds quarter quarters fifth fifths sixth sixths eighth eighths tenth tenths
majority minority most""".split()
)


def is_proportion(tokens: list[str], i: int) -> bool:
    """A part of a whole: "8 per cent", "one in five", "3 out of 10", "a quarter", "most"."""
    t = tokens[i]
    if t in _FRACTIONS:
        return not ordinal(tokens, i)
    if not (t in NUMBER_WORDS or t.replace(".", "", 1).isdigit()):
        return False
    after = tokens[i + 1 : i + 4]
    if after[:1] == ["percent"] or after[:2] == ["per", "cent"]:
        return True
    return (after[:1] == ["in"] and len(after) > 1 and is_figure(tokens, i + 2)) or (
        after[:2] == ["out", "of"] and len(after) > 2 and is_figure(tokens, i + 3)
    )


# After an ordinal comes what it ranks ("the third missing episode"); after a fraction, what it is
# part of or what that part did ("a third of the children", "a third were in care").
_AFTER_A_FRACTION = frozenset("of in to and or".split())


def ordinal(tokens: list[str], i: int) -> bool:
    """Is the fraction word at ``i`` an ordinal ("after a *third* missing episode", "the *fifth*
    review"), which says which one, rather than a part of a whole ("a *third* of them")?"""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if not nxt.isalpha() or nxt in _AFTER_A_FRACTION or nxt in _AUX_BE or nxt in _AUX_DO:
        return False
    return bool({"NOUN", "ADJ"} & meaning.word_classes(nxt))


def proportion_words(tokens: list[str]) -> set[int]:
    """Positions of the words of parts of a whole: both figures of "one in five" and "3 out of
    10", the figure of "8 per cent", a fraction ("a quarter", "most")."""
    out: set[int] = set()
    for i in range(len(tokens)):
        if is_proportion(tokens, i):
            out.add(i)
            if tokens[i + 1 : i + 2] == ["in"]:
                out.add(i + 2)
            elif tokens[i + 1 : i + 3] == ["out", "of"]:
                out.add(i + 3)
    return out


def figure_near(tokens: list[str], targets: list[bool], window: int = COUNT_WINDOW, proportion: bool = False) -> bool:
    """Is some figure (``proportion``: a part of a whole) within ``window`` words of a word
    marked in ``targets``? A length of time counts nothing else ("met within 15 working days")."""
    if proportion:
        figures = [i for i in range(len(tokens)) if is_proportion(tokens, i)]
        return any(abs(i - j) <= window for i in figures for j, hit in enumerate(targets) if hit)
    parts = proportion_words(tokens)  # "one in five young carers" says how many of them, not how many
    figures = [
        i
        for i in range(len(tokens))
        if is_figure(tokens, i)
        and not a_length(tokens, i, targets)
        and i not in parts
        and not counts_another(tokens, i, targets)
    ]
    at = [i for i, hit in enumerate(targets) if hit]
    if any(i and _ORDINAL_OF.match(tokens[i - 1]) for i in at):  # "by the 20th week": the weeks counted
        return True
    return any(abs(i - j) <= window for i in figures for j in at)


def counts_another(tokens: list[str], i: int, targets: list[bool]) -> bool:
    """Does the figure at ``i`` count a thing of its own, named right after it ("482
    *notifications* about 514 *children*"), and not what is asked ("how many were teenagers")?
    Nouns joined by "and" or "or" are one run ("nine hospital and dental *appointments*")."""
    from assistant.answering import meaning
    from assistant.index.lexical import stopwords

    stop = stopwords()
    if i + 1 < len(tokens) and tokens[i + 1] in _UNITS_OF_TIME:  # a length: a_length decides
        return False
    # "told social care twice about bruises", "visited four times": how often, of no noun after it
    if tokens[i] in _MULTIPLES or tokens[i + 1 : i + 2] in (["times"], ["occasions"]):
        return False
    nouns = started = False
    for j in range(i + 1, min(len(tokens), i + 1 + OWN_NOUN_WINDOW)):
        w = tokens[j]
        if targets[j]:
            return False
        if w in ("and", "or") and started:  # "nine hospital and dental appointments"
            continue
        classes = meaning.word_classes(w)
        if w in stop or w in _QUANTIFIERS or not classes & {"NOUN", "ADJ"}:
            break  # "saw the family twice, and both visits ...": a clause of its own
        nouns, started = nouns or "NOUN" in classes, True
    return nouns


# Words the lexicon also has as nouns that begin a phrase of their own, not a figure's noun.
_QUANTIFIERS = frozenset("both all each every some any many few several most more less".split())


OWN_NOUN_WINDOW = 5  # "482 serious incident notifications": the noun a figure counts comes within this


# An ordinal just before what is counted says how many of it ("held by the 20th *week*" answers
# "how many weeks"): the count runs to that one. Not an ordinal of something else ("the 3rd review").
_ORDINAL_OF = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|twentieth|thirtieth|fortieth)$"
)


_CLAUSE_NUMBER = re.compile(r"(?m)^[ \t]*\d+(?:\.\d+)+\.?(?=\s)")


# A phone number written out ("01632 960 240"): its digit groups count nothing. The short
# numbers (999, 101) are left: "101 children" is a count.
_DIALLED = re.compile(r"(?<![\d£$€.,])(?:\+44\s?|0)\d{2,4}(?:[\s-]?\d{3,4}){1,2}(?!\d|,\d)")


# A time of day ("8.30am", "5 pm", "16:30"): when a desk is open, not how many.
_CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b\d{1,2}:\d{2}\b", re.I)


def without_phone_numbers(text: str) -> str:
    """A text without its written-out phone numbers, times of day, numbered labels and ages: a
    count is neither a number to ring, an opening hour, "Month 2" of a checklist nor "aged 10 to 17"."""
    return _AGED.sub(" ", _LABEL.sub(" ", _CLOCK.sub(" ", _DIALLED.sub(" ", text))))


_AGED = re.compile(r"\b(?:aged|ages)\s+\d{1,2}(?:\s*(?:to|-|–|and)\s*\d{1,2})?(?:\s+or\s+(?:over|under))?\b", re.I)


# A label numbering a step, a stage or a part ("Month 2 |", "Stage 3:", "Version 4"): it counts nothing.
_LABEL = re.compile(
    r"\b(?:month|week|day|stage|step|level|phase|version|part|section|appendix|table|page|tier|year)\s+\d{1,2}"
    r"(?=\s*[|:]|\s*$)",
    re.I | re.M,
)


@lru_cache(maxsize=4096)
def without_clause_numbers(text: str) -> str:
    """A text without the numbers of its numbered paragraphs ("1.3 The review looks at..."):
    they label, they count nothing."""
    return _CLAUSE_NUMBER.sub(" ", text)


def any_figure(tokens: list[str]) -> bool:
    return any(is_figure(tokens, i) for i in range(len(tokens)))


_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+")


_ONE_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)(?<!\n)\b(?:[A-Z][a-z]+|[A-Z]{2,})\b")


def has_person(text: str, tokens: list[str]) -> bool:
    """A name (capitalised words inside a sentence: "Dr Helen Okafor", "Ofsted", "the DSL") or
    a word for people or a role."""
    if set(tokens) & _PEOPLE or _NAME.search(text):
        return True
    return any(m.group(0).isupper() or meaning.zipf(m.group(0).lower()) < PROPER_ZIPF for m in _ONE_NAME.finditer(text))


def _year(t: str) -> bool:
    return t.isdigit() and len(t) == 4 and t[:2] in ("19", "20")


def _clock(t: str) -> bool:
    """ "4pm", "30am" (of "9.30am"), "noon": a time of day."""
    return t in ("noon", "midday", "midnight") or (t[-2:] in ("am", "pm") and t[:-2].isdigit())


def has_time(tokens: list[str]) -> bool:
    """A year, a date, a time of day, a period or a condition."""
    return any(t in _TIME_WORDS or _year(t) or _clock(t) for t in tokens)


def has_date(tokens: list[str]) -> bool:
    """A date: a year, a month or a day of the week."""
    return any(t in MONTHS or t in DAYS or (t.endswith("s") and t[:-1] in DAYS) or _year(t) for t in tokens)


_CAPITAL = re.compile(r"\b[A-Z][\w’'-]*")
# A child's pseudonym in a review: "Child T", "Baby R", "Sibling 2", "Young Person B", "Sibling Group C".
PSEUDONYM = re.compile(
    r"\b(?:Child|Baby|Infant|Sibling|Young [Pp]erson|Family|Adult)(?:\s+[Gg]roup)?\s+(?:[A-Z]{1,2}|\d{1,2})\b"
)


# A pseudonym by a made-up name ("Child Wren", "Young Person Halden"): one capitalised word, not
# followed by another (that is a title: "Child Protection Plan"), rare as a word of general English
# (a service is named by everyday words: "Child Protection", "Family Hubs", "Child Safeguarding").
BY_NAME = re.compile(r"\b(?:Child|Baby|Infant|Sibling|Young [Pp]erson)\s+([A-Z][a-z]{2,})\b(?![’']?\s+[A-Z]|[’']?-)")
NAME_ZIPF = 3.0


_REVIEW_AFTER = re.compile(r"[’']?s?\s+(?:review|reviews|case|lcspr|rapid review|learning review)\b", re.I)


def pseudonym_matches(text: str) -> list[re.Match[str]]:
    """The pseudonyms in ``text``, in order: "Child T" and "Child Wren" (``BY_NAME``)."""
    found = list(PSEUDONYM.finditer(text))
    # "Child Tweed review": named as a review's child, an everyday word is a pseudonym too
    found += [
        m
        for m in BY_NAME.finditer(text)
        if meaning.zipf(m.group(1).lower()) < NAME_ZIPF or _REVIEW_AFTER.match(text, m.end())
    ]
    return sorted(found, key=lambda m: m.start())


def pseudonyms(question: str) -> list[str]:
    """The pseudonyms a question names, as written ("Child T", "Child Wren")."""
    return [m.group(0) for m in pseudonym_matches(question)]


def names_pseudonym(text: str, pseudonym: str) -> bool:
    """Does ``text`` name the same child? "child T" and a line break inside count; "Child S",
    "Baby RJ" do not (the letters are matched as written)."""
    head, tail = pseudonym.rsplit(None, 1)
    words_ = r"\s+".join(map(re.escape, head.split()))
    return re.search(r"\b(?i:" + words_ + r")\s+" + re.escape(tail) + r"\b", text) is not None


PROPER_ZIPF = 5.0  # a capitalised word rarer than this in general English is read as a name


def calendar_word(word: str) -> bool:
    """A day of the week or a month ("Saturday", "Sundays", "March"): capitalised in English,
    but a time, not a name. A passage may say it another way ("at weekends", "in the spring")."""
    word = word.lower().replace("’", "'").split("'")[0]
    return word in DAYS or word in MONTHS or (word.endswith("s") and word[:-1] in DAYS)


@lru_cache(maxsize=QUESTIONS_KEPT)
def title_cased(question: str) -> bool:
    """Is every longer word of the question capitalised ("What Time Does The Course Start",
    "WHAT TIME DOES IT START")? Then a capital says nothing of a name."""
    longer = [w for w in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", question)[1:] if len(w) > 3]
    return len(longer) >= 3 and sum(w[0].isupper() for w in longer) >= 0.8 * len(longer)


@lru_cache(maxsize=QUESTIONS_KEPT)
def shouted(question: str) -> bool:
    """Is the question typed in capitals ("WHO CHAIRS THE PANEL")? Then an acronym is not told
    apart by its capitals either."""
    letters = [c for c in question if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def not_a_name(word: str, question: str) -> bool:
    """A capitalised word of ``question`` that is no name: a day or a month, "I'm", or, in a question
    written in Title Case or in capitals, any word English knows ("Neglect", "Training"; not
    "Selvey"), and in capitals a short word ("DV", "K": an acronym or a letter, the glossary's)."""
    if calendar_word(word) or re.fullmatch(r"I['’](?:m|ve|d|ll)", word, re.I):
        return True  # "I'm", "I've": the one asking, a pronoun with its verb, not a name
    caps = shouted(question)
    if not (title_cased(question) or caps) or (word.isupper() and not caps):
        return False
    if caps and len(word) <= 3 or re.search(r"n['’]t$", word, re.I):
        return True  # "Didn't"
    plain = word.lower().replace("’", "'").split("'")[0]
    contracted = plain.endswith("nt") and meaning.zipf(plain[:-2] + "n't") > meaning.zipf(plain)  # "Didnt"
    known = [bool(meaning.word_classes(part)) or part in meaning.ABBREVIATIONS for part in plain.split("-")]
    return contracted or any(known)  # "Drop-in", "Yr"


def proper_nouns(question: str, stop: frozenset, first: bool = False) -> list[str]:
    """Capitalised words inside the question that are names, not everyday words ("Westbury",
    "Ofsted"; not "What" opening it, unless ``first``: a name whose capital was put back, not
    "Report"). Acronyms are left to the glossary."""
    out = []
    for m in _CAPITAL.finditer(question):
        word = m.group(0).lower().replace("’", "'").split("'")[0]
        if (m.start() == 0 and not first) or word in stop or any(c.isdigit() for c in word):
            continue
        if (m.group(0).isupper() and not shouted(question)) or not_a_name(m.group(0), question):
            continue
        # "... «négligence». Normally how long ...": a sentence's first word is capitalised whatever it
        # is; an adverb there is no name ("Normally", "Yesterday"), a name may be ("... Esme's mum")
        if _SENTENCE_BEFORE.search(question[: m.start()]) and "ADV" in meaning.word_classes(word):
            continue
        if meaning.zipf(word) < PROPER_ZIPF:
            out.append(word)
    return out


_SENTENCE_BEFORE = re.compile(r"[.!?][\"'”’»)\]]*\s+$")


# "what time is the service?", "wat time do I ring by": a time of day; not "what time span/frame".
_CLOCK_ASKED = re.compile(r"\b(?:what|wat|wot)\s+time\b(?!\s+(?:span|frame|scale|limit|period|line)s?\b)", re.I)
_DAYPART = re.compile(
    r"\b(?:mornings?|afternoons?|evenings?|nights?|midday|noon|midnight|lunchtimes?|o['’]clock|a\.?m\.?|p\.?m\.?)(?!\w)",
    re.I,
)


def asks_clock(question: str) -> bool:
    """Does the question ask the time of day something happens ("what time is kick off?")?"""
    return bool(_CLOCK_ASKED.search(question or ""))


def gives_clock(text: str) -> bool:
    """Does ``text`` give a time of day: a clock time ("9.30am", "16:00") or a part of the day?"""
    return bool(meaning.clock_times(text)) or bool(_DAYPART.search(text))


def satisfied(kind_: str, text: str, tokens: list[str], targets: list[bool] | None = None, window: int = 0) -> bool:
    """Does ``text`` hold the kind of thing the question asks for? ``window``: words a count
    may sit from what it counts (``COUNT_WINDOW`` unless given)."""
    if kind_ == "money":  # "how much does it cost": an amount of money, or free
        return bool(_AMOUNT.search(text))
    if kind_ == "phone":  # "what is the duty team's number": a number to ring
        return bool(_PHONE.search(text))
    if kind_ == "source":  # "where can I read the review": where a text is kept
        return bool(_SOURCE.search(text))
    if kind_ == "count":
        return any_figure(tokens) if targets is None else figure_near(tokens, targets, window or COUNT_WINDOW)
    if kind_ == "proportion":  # "what percentage of X": a part of a whole
        marks = targets if targets is not None else [True] * len(tokens)
        return figure_near(tokens, marks, window=len(tokens) if targets is None else PROPORTION_WINDOW, proportion=True)
    if kind_ == "who":
        return has_person(text, tokens)
    if kind_ == "when":
        return has_time(tokens)
    if kind_ == "date":
        return has_date(tokens)
    if kind_ == "name":
        return bool(set(tokens) & _NAMING) or bool(re.search(r"[‘“\"']\w", text))
    return True


# How a question asks, not what it asks about: the verb of "what will the Panel focus on?",
# "what counts as serious harm?", "how long have they been holding back...". Read from the
# word classes LemmInflect's lexicon gives each word and the auxiliary or pronoun before it.
_AUX_DO = frozenset("do does did will would can could should shall may might must".split())
_AUX_BE = frozenset("is are was were be been being am has have had".split())
_DETERMINERS = frozenset("a an the this that these those my our your his her its their some any each every no".split())
_SUBJECTS = frozenset("i we you they he she".split())
_GAP_WORDS = frozenset("not also still already ever never just really".split())
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[^\w\s]")


def _verb_base(word: str) -> bool:
    """A word that can be a verb in its base form ("focus", "highlight", "include")."""
    return word in meaning.word_lemmas(word).get("VERB", ())


def _verb_inflected(word: str) -> bool:
    """An inflected form of a verb ("counts", "holding", "published", "chaired")."""
    lemmas = meaning.word_lemmas(word).get("VERB", ())
    return bool(lemmas) and word not in lemmas


_NEGATED = {"ca": "can", "wo": "will", "sha": "shall"}


def _positive(word: str) -> str:
    """ "didn't", "didnt" -> "did"; "can't" -> "can" (the auxiliary, for the verb after it)."""
    stem = word[:-3] if word.endswith("n't") else word[:-2] if word.endswith("nt") else ""
    stem = _NEGATED.get(stem, stem)
    return stem if stem in _AUX_DO or stem in _AUX_BE else word


def _adjective_only(word: str) -> bool:
    """Can be an adjective, not a verb ("serious", "local", "domestic"): what follows is a noun."""
    classes = meaning.word_classes(word)
    return "ADJ" in classes and "VERB" not in classes


def verb_slots(question: str) -> set[str]:
    """The question's words (lower-cased) that stand in its verb slot: after an auxiliary
    and its subject ("does the chair *highlight*"), after "to", a subject pronoun or a
    form of "be"/"have" ("we *use*", "been *holding*"), or right after "what"/"who" when
    the question is about its subject ("what *counts* as"). They say how it asks."""
    raw = _TOKEN.findall(question)
    toks = [_positive(t.lower().replace("’", "'")) for t in raw]
    out: set[str] = set()

    def word_at(j: int) -> str:
        return toks[j] if 0 <= j < len(toks) and toks[j].isalpha() else ""

    for i, t in enumerate(toks):
        if t in _AUX_DO:
            # The subject comes first ("does the chair highlight"), unless the question's
            # wh-word is it ("who should assess"); the verb is the first base form after it
            # that does not follow a determiner or an adjective (those make it a noun).
            first = i + 1 if _verb_base(word_at(i + 1)) and "NOUN" not in meaning.word_lemmas(word_at(i + 1)) else i + 2
            for j in range(first, len(toks)):
                w = word_at(j)
                if toks[j].isdigit():
                    continue
                if not w or w in _AUX_DO or w in _AUX_BE:
                    break
                before, after = word_at(j - 1), word_at(j + 1)
                modified = _adjective_only(before) and word_at(j - 2) not in _DETERMINERS  # "domestic abuse"
                subject = _verb_base(after) and "NOUN" not in meaning.word_lemmas(after)  # "harm include"
                if raw[j][0].isupper() or before in _DETERMINERS or modified or subject or not _verb_base(w):
                    continue
                out.add(w)
                break
        elif t in _AUX_BE or t in _SUBJECTS or t == "to":
            j = i + 1
            while word_at(j) in _GAP_WORDS:
                j += 1
            w = word_at(j)
            if not w or w in _AUX_BE or w in _AUX_DO:
                continue
            if (t in _AUX_BE and _verb_inflected(w) and w.endswith(("ing", "ed", "en"))) or (
                t not in _AUX_BE and _verb_base(w) and "NOUN" not in meaning.word_lemmas(w)
            ):
                out.add(w)
            elif t in _SUBJECTS and (_verb_base(w) or _verb_inflected(w)):
                out.add(w)
    for i in range(1, len(toks) - 1):  # "start and finish": both are the verb
        if toks[i] in ("and", "or") and toks[i - 1] in out and _verb_base(word_at(i + 1)):
            out.add(toks[i + 1])
    first_verb = toks[1] if len(toks) > 2 and toks[1] not in _AUX_DO | _AUX_BE else ""
    if toks and toks[0] in ("what", "who", "which") and first_verb and _verb_inflected(first_verb):
        after = word_at(2)
        if after not in _AUX_DO and after not in _AUX_BE:
            out.add(toks[1])
    return out


def asking_words(question: str) -> set[str]:
    """Words that say how a question asks, not what about: its verb (``verb_slots``) and
    the words of a count's frame ("what *proportion* of", "*max* *number* of")."""
    out = verb_slots(question)
    asks = kind(question)
    frames = {"count": FIGURE_WORDS, "money": FIGURE_WORDS, "date": DATE_FRAME, "phone": PHONE_FRAME}
    frame = frames.get(asks, frozenset())
    out |= {w for w in re.findall(r"[a-z]+", question.lower()) if w in frame}  # "the 2020 figures": the answer
    for m in _COUNT.finditer(question):
        out |= {w for w in m.group(0).lower().split() if w not in ("how", "what", "many", "much", "of")}
    return out


def widened(question: str) -> list[str]:
    """Stems a question's kind adds to the BM25 query: the places a text is kept, for "where can
    I read ...?" (the passage saying "on the website" shares none of its words)."""
    return _stemmer().stemWords(list(SOURCE_WORDS)) if asks_source(question) else []
