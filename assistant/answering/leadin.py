"""The asker's own verbs: what the asker says of themselves frames a question, it is not its topic.

"I keep hearing the scrutineer is about to leave, so I wanted to check, when were they
appointed?" asks when the scrutineer was appointed: "keep hearing" and "wanted to check" say how
the asker came to ask, as "tell me" or "I need to know" do. Read as words of the question they
dilute its coverage and make "hearing" (a word the index holds once, in "a court hearing") its
key word. A verb whose subject is the asker ("I", "we") and the auxiliaries and catenative verbs
between ("keep", "wanted to", "have been") are left out of the question's content words; the
words of what was heard ("the scrutineer is about to leave") stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answering import dictation, speech, textspeak

# The clause that asks, after the lead-in and a comma or a dash: from a question word or an
# auxiliary that opens a question ("..., so I wanted to check, *when were they appointed?*",
# "taking 20 swimmers to camp - *how many adults do I need?*").
_ASKING = re.compile(
    r"(?:,|\s[-–—]+)\s*(?:(?:so|and|but|then)\s+)?(?:what|when|who|whom|whose|where|which|why|how|is|are|was|were|do|does|"
    r"did|can|could|should|will|would|has|have)\b[^,]*$",
    re.I,
)
# Between the asker and their verb: auxiliaries, catenative verbs and an adverb or two ("I
# *just wanted to* check", "we *have been* told", "I *keep* hearing", "I'*ve been* asked").
_BETWEEN = (
    r"(?:(?:am|was|were|have|has|had|been|being|do|did|just|also|really|only|still|always|"
    r"keep|kept|want|wanted|need|needed|would|like|'d|’d|'ve|’ve|'m|’m|to)\s+){0,4}"
)
_ASKER = re.compile(r"\b(?:i|we)(?:['’](?:ve|m|d))?\s+(?P<between>" + _BETWEEN + r")(?P<verb>[a-z]+)\b", re.I)
_HELPERS = frozenset("keep kept want wanted need needed like".split())
# The asker's own verbs of finding out ("heard", "check", "was asked"); a verb of the topic ("I
# *foster* a child", "we *moved* to ...") is not the asking and stays a content word.
ASKER_VERBS = frozenset(
    """
hear hearing heard check checking checked ask asked wonder wondering wondered confirm confirming
confirmed clarify clarifying clarified told
""".split()
)
# "Who should I tell?", "what should I ask about ...?": after a modal or an auxiliary the asker is
# the subject of the question itself, and its verb is what is asked.
_INVERTED = frozenset("should can could do does did might may will would shall must am was were have".split())


def asker_words(question: str) -> set[str]:
    """The words (lower case) by which the asker says how they came to ask: a verb of finding
    out whose subject is "I" or "we" ("I keep *hearing*", "so I *wanted* to *check*", "we were
    *told*"), and the catenative verbs before it, in a lead-in that ends in a comma before the
    clause that asks ("I just heard a slap" has none: what was heard is the matter)."""
    out: set[str] = set()
    asking = _ASKING.search(question)
    if not asking:
        return out
    for m in _ASKER.finditer(question[: asking.start()]):
        verb = m.group("verb").lower()
        before = question[: m.start()].split()
        if verb not in ASKER_VERBS or (before and before[-1].lower() in _INVERTED):
            continue
        out.add(verb)
        out |= {w for w in m.group("between").lower().split() if w in _HELPERS}
    return out


# Phrases of everyday English whose words name no topic ("who is it *at the moment*", "go
# *straight* to", "where did it go *wrong*"): a closed list of adverbial idioms. The words in
# their groups are never asked of a passage (evidence.question_terms) nor shown missing.
_IDIOM = re.compile(
    r"\bat the (moment|minute|time being)\b|\blast[- ](minute)\b|\b(?:right|just) (now)\b"
    r"|\b(straight) (?:away|to|on|off|in)\b"
    r"|\b(?:go|goes|going|gone|went) (wrong)\b|\bthese (days)\b|\bin the (end)\b|\bby the (way)\b"
    r"|^\W*(quick) (?:one|q|question)\b"
    # "is that true?", "how do I get hold of them?", "when's it due out?": asking to confirm, to
    # reach someone, when it comes
    r"|\b(?:is|was|are|isn['’]?t)\s+(?:that|it|this|they)\s+(true|right|correct)\b|\bget\s+(hold)\s+of\b"
    r"|\b(due)\s+out\b|\bon\s+(?:the|their|our|its)\s+(books)\b"
    # "the police letting us know", "let me know": telling, said in everyday words
    r"|\b(let|lets|letting)\s+(?:me|us|you|them|him|her|school|schools|parents)\s+(know|knowing)\b"
    # "does that count as private fostering?", "before it counts?": asking what a thing is
    r"|\b(counts?|counted)\s+as\b|\bit\s+(counts)\b|\b(none)\s+of\s+(?:my|our|your)\s+business\b"
    # "the one in charge", "sort it out in a rush": who leads, how soon
    r"|\bin\s+(charge)\b(?!\s+of\b)|\bin\s+a\s+(rush|hurry)\b",
    re.I,
)


def idiom_words(question: str) -> set[str]:
    """The words of the question's everyday idioms (``_IDIOM``): "on the *books*", "right *now*"."""
    out = {g.lower() for m in _IDIOM.finditer(question or "") for g in m.groups() if g}
    return {w for g in out for w in g.split()}


# What the question sets its topic against, at its end ("... on the families *and not on admin*?",
# "CSE *rather than CCE*", "for dads, *not mums*"): what is excluded need not be in the passage
# (it most often is not), so the contrast's words are never asked of a passage nor shown missing.
_CONTRAST = re.compile(
    r"(?:,\s*|\s+(?:and|but)\s+)?(?:\b(?:rather\s+than|instead\s+of|as\s+opposed\s+to)|(?:,|\band|\bbut)\s+not)"
    r"(?:\s+(?:on|for|to|in|about|at|from|with|by))?(?P<what>(?:\s+[a-z][\w'’&-]*){1,3})\s*[?.!]*\s*$",
    re.I,
)


def contrast_words(question: str) -> set[str]:
    """The words of what the question's end sets its topic against (``_CONTRAST``), and its markers."""
    m = _CONTRAST.search(question or "")
    return set(re.findall(r"[a-z][\w'-]*", m.group(0).lower().replace("’", "'"))) if m else set()


# A request put to the assistant ("could you *confirm* ...", "please *check* ..."): its verb of
# finding out frames the question, as the asker's own verbs do.
_REQUEST = re.compile(r"\b(?:(?:could|can|would|will)\s+you|please)\s+(?:please\s+|just\s+|kindly\s+)?([a-z]+)\b", re.I)


def request_words(question: str) -> set[str]:
    """The verbs of finding out that a request to the assistant opens with ("could you confirm")."""
    return {m.group(1).lower() for m in _REQUEST.finditer(question) if m.group(1).lower() in ASKER_VERBS}


# A trainer's request for the words themselves ("need the exact line saying when ..., with the page
# it's on", "word for word, for a slide", "slide 4 (national picture):"): how to quote, not what.
_QUOTING = re.compile(
    r"\b(?:the\s+)?exact\s+(?:line|lines|sentence|sentences|words?|wording|quote|quotes|phrase|text)"
    r"(?:\s+(?:saying|that\s+says|which\s+says))?\b"
    r"|\bword\s+for\s+word\b|\bverbatim\b|\bpaste\b|\bcopy\s+and\s+paste\b"
    r"|\bfor\s+(?:a|my|the|our|some)\s+(?:slides?|handouts?|presentation|training\s+slides?|piece|article)\b"
    r"|\ba\s+(?:quote|quotation)\s+(?:from|by)\b"
    # what the asker needs it for: "I need it for the minutes", "we need this for our newsletter"
    r"|\b(?:i|we)\s+need\s+(?:it|this|that|them|these)\s+for\s+(?:a|my|the|our|some|an)\s+[a-z]+(?:\s+[a-z]+)?\s*[?.!]*\s*$"
    r"|^\W*slides?\s*\d*\s*(?:\([^)]{0,40}\))?\s*:"
    r"|\b(?:with|and)\s+(?:the|its)\s+page(?:\s+(?:number|it['’]?s\s+on|it\s+is\s+on))?\b"
    # where it is said: "which paragraph says so?", "what page is that on?", "page numbers", "page ref"
    r"|\b(?:which|what)\s+(?:paragraph|page|section|part|bit|line|sentence)\s+(?:(?:says|said)(?:\s+(?:so|that|it|this))?"
    r"|is\s+(?:that|it|this)\s+on)\b|\bpage\s+(?:numbers?|refs?|references?)\b",
    re.I,
)


# The form of the words asked for ("is there a *line I can use* about ...", "give me *the sentence*
# on ...", "*something citable* on ...", "*evidence that* ...", "*to what extent* ..."): how to quote.
_FORMS = r"(?:line|lines|sentence|sentences|quote|quotes|quotation|quotations|wording|phrase|passage|bit|extract)"
_FORM = re.compile(
    r"\b(?:a|an|the|one|any|some)\s+(?:(?:good|short|strong|stronger|single|clear|key|useful|official|citable|quotable)\s+)?"
    + _FORMS
    + r"(?:\s+(?:(?:that\s+)?(?:i|we)\s+(?:can|could)\s+(?:use|quote|cite|reference|put)|to\s+(?:use|quote|cite)|"
    r"saying|that\s+says|which\s+says|(?:that|which|to)\s+sums?\s+up|summing\s+up)\b"
    r"|(?=\s+(?:about|on|from|explaining|before|after)\b))"
    r"|\b(?:something|anything)\s+(?:(?:that\s+)?(?:i|we)\s+(?:can|could)\s+|to\s+)(?:cite|quote|reference)\b"
    r"|\bwriting\s+up\b|\b(?:want|like|need|going|have)\s+to\s+quote\b|\b(?:citable|quotable)\b|\b(?:evidence|proof)\s+(?=that\b)|\bto\s+what\s+extent\b|\bin\s+writing\b",
    re.I,
)
# What the asker writes, which the quote is for ("for my ASYE *portfolio*", "*writing* our team's
# *policy*", "in my *speech*"): the kind of writing, not its topic; its modifiers stay words of the
# question ("ASYE"), as a word of the question is dropped wherever it stands.
_GENRES = (
    r"(?:essay|essays|assignment|portfolio|dissertation|thesis|report|paper|handout|handouts|slides?|presentation|"
    r"response|speech|letter|policy|newsletter|log|article|blog|bulletin|leaflet|poster|submission|lesson|refresher|"
    r"exam(?:\s+questions?)?|quiz)"
)
_WRITING = re.compile(
    r"\b(?:for\s+(?:a|an|my|the|our|their|some|(?P<when>[a-z]+)['’]s)|(?:in|into)\s+(?:a|an|my|our))\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?P<g1>" + _GENRES + r")\b(?!['’])"
    r"|\b(?P<v>writing|drafting|redrafting|building|preparing|updating|setting)\s+(?:(?:a|an|my|our|the|some)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?P<g2>" + _GENRES + r")\b",
    re.I,
)
_WHEN_WRITTEN = frozenset("monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight".split())
# A label naming the writing, before a colon ("board report:", "paper for the ICB board:",
# "handout for lunchtime staff:"); of "essay on fathers:" the topic after "on" stays.
_LABEL = re.compile(
    r"^\W*(?P<label>(?:[\w'’-]+\s+){0,3}?" + _GENRES + r"(?:\s+(?:for|to)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?)\s*:"
    r"|^\W*(?P<genre>" + _GENRES + r")\s+(?:on|about)\s+[^:?]{1,40}:",
    re.I,
)


def quoting_words(question: str) -> set[str]:
    """The words (lower case) of a request for the exact words (``_QUOTING``, ``_FORM``), and of
    the writing they are for (``_WRITING``, ``_LABEL``)."""
    out = {w for m in _QUOTING.finditer(question) for w in re.findall(r"[a-z]+", m.group(0).lower())}
    out |= {w for m in _FORM.finditer(question) for w in re.findall(r"[a-z]+", m.group(0).lower())}
    for m in _WRITING.finditer(question):
        out |= {w for g in ("g1", "v", "g2") for w in (m.group(g) or "").lower().split()}
        out |= {(m.group("when") or "").lower()} & _WHEN_WRITTEN  # "for Thursday's paper"
    label = _LABEL.match(question)
    if label:
        out |= set(re.findall(r"[a-z]+", (label.group("label") or label.group("genre")).lower()))
    return out - {""}


# A message's greeting ("Hi,", "Dear team,", "hello"): a salutation, never what is asked.
_GREETING = re.compile(
    r"^\s*(?:hi|hiya|hello|hey|dear\s+(?:team|all|sir|madam|colleagues?|[A-Z][a-z]+)|good\s+(?:morning|afternoon|"
    r"evening))\b[,!.:]?\s*",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
# Who passes a question on, put first: "Fwd from a head: '...'", "Handover from Jo: ...", "Manager's
# note: ...", "HR here, forwarding from the panel: ...", "student asks: ...", "man on the phone asks
# where ...". The relay says how the question came, not what it asks. Not a question itself ("what
# if a child asks to ..."), and a colon only after a word of passing on ("Child K: ..." names the topic).
_NOT_ASKING = (
    r"(?!\W*(?:what|whats|who|whom|whose|when|where|why|how|which|if|is|are|was|were|do|does|did|can|could|"
    r"should|would|will|may|must)\b)"
)
_RELAY = re.compile(
    r"^" + _NOT_ASKING + r"[^:?!.]{0,60}?\b(?:fwd|fw|forwarded|forwarding|handover|note|notes|email|e-mail|message|"
    r"voicemail|query|here|asks|asking|office|comms|communications|press|reception|admin|hr)\b[^:?!.]{0,40}?:\s*"
    # "if", "whether" and "about" stay: the words after them are not the start of a sentence.
    r"|^" + _NOT_ASKING + r"(?:[^\s:?!.]+\s+){0,5}?(?:asks|is asking|asking|wants to know|wondering|wonders)"
    r"\s*[:,\-–]?\s+",
    re.I,
)


def without_relay(text: str) -> str:
    """The question without who passed it on (``_RELAY``); the text itself when nothing is left."""
    m = _RELAY.match(text or "")
    rest = text[m.end() :].strip(" '\"‘’“”") if m else ""
    return rest if len(rest.split()) >= 2 else text


# A sentence that asks: it ends in a question mark, or opens with a question word, an auxiliary
# that opens a question, or a request ("tell me", "please", "need to know").
_ASKS = re.compile(
    r"\?\s*$|^(?:(?:so|and|but|then|also)\s+)?(?:what|when|who|whom|whose|where|which|why|how|is|are|was|were|do|"
    r"does|did|can|could|should|will|would|has|have|may|might|must|shall|tell me|please|need to know)\b",
    re.I,
)
# A clause that opens with a subordinator or a preposition restricts the question ("If a child
# has a bruise, ...", "In the 2020 report, ..."); one that states something is its background.
_RESTRICTS = re.compile(
    r"^\s*(?:if|when|whenever|where|once|after|before|because|since|while|unless|although|though|until|in|on|"
    r"at|for|of|from|by|with|during|under|about|according|as|between|among|apart|besides|regarding|given)\b",
    re.I,
)
_FINITE = re.compile(r"\b(?:is|are|was|were|am|has|have|had|do|does|did)\b|['’](?:s|re|ve|m)\b", re.I)
# A lead-in that quotes the documents, names one or gives a figure is what is asked about ("the
# poster said something like ..., what's the exact wording?", "about 480 notifications was it,
# what's the exact number?"): only one that tells the asker's situation is background. An age
# ("a 14 yr old") tells the situation, not a figure asked for.
_AGE = re.compile(r"\b\d{1,2}\s*-?\s*(?:yrs?|years?)(?:\s*-?\s*olds?)?\b|\(\d{1,2}\)", re.I)
_TOPICAL_LEAD = re.compile(
    r"\d|%|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|half|quarter|per\s*cent|percent|report|reports|"
    r"review|reviews|poster|posters|briefing|guidance|leaflet|slide|slides|document|documents|procedures?|policy|"
    r"policies|minutes|newsletter|podcast|panel|says|said|wrote|written|quoted|mentions?|mentioned)\b",
    re.I,
)
# A lead-in with no verb of its own that still sets the scene: the asker's post ("night porter
# here, ...") or what they are doing ("writing to the parents about ..., ...").
_SCENE_OPENING = re.compile(r"^\s*(?:[\w'’&-]+\s+){1,3}here\b|^\s*[a-z]+ing\b", re.I)
_FEW = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine)\s+[a-z]+s\b", re.I)
_FIGURE_ASKED = re.compile(r"\bhow\s+(?:many|much)\b|\b(?:number|figure|figures|total|exact|right)\b", re.I)
_PERSONAL = re.compile(r"\b(?:it|its|they|them|their|he|she|him|his|her|hers)\b", re.I)
# "I was told the bus no longer stops there. Is that so?", "True?", "does it really say that?": a
# claim told, then checked; what is asked is the claim.
_CHECKS_A_CLAIM = re.compile(
    r"\b(?:is|was|isn['’]?t)\s+(?:that|this|it)\s+(?:really\s+|still\s+)?(?:so|true|right|correct|the case)\b"
    r"|\b(?:is|was|are|were)\s+(?:he|she|they)\s+(?:really\s+)?(?:right|correct|wrong)\b"
    r"|\b(?:say|says|said|mean|means)\s+that\s*[?.!]"
    r"|^\W*(?:(?:and|so|but)\s+)?(?:true|right|really|correct|is it)\W*$",
    re.I,
)
# A figure checked: "Is it 50?", "what's the real number?", "which is right?", "have I got the date right?"
_CHECKS_A_FIGURE = re.compile(
    r"\b(?:is|was)\s+(?:it|that|this)\s+(?:really\s+)?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"that many|that few)\b"
    r"|\b(?:is|was)\s+(?:it|that|this)\s+(?:really\s+|still\s+)?the\s+(?:right|correct|real|actual)\b"
    r"|\bwhat(?:['’]s| is| was)\s+the\s+(?:real|actual|right|correct|true)\b|\bwhich\s+is\s+(?:it|right|correct)\b"
    r"|\bhave\s+i\s+got\b.{0,30}\bright\b|\bstill\s+the\s+(?:deadline|date|figure|number)\b",
    re.I,
)
# Who a claim came from, before it ("My manager says that ...", "Someone on our Facebook group
# posted that ...", "I read that ..."): where the asker heard it, not what they ask.
_ATTRIBUTION = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:[\w'’-]+\s+){0,7}?(?:says|said|told (?:me|us)|(?:was|were|been) told|posted|"
    r"reckons|mentioned|claims|claimed|read|heard|wrote|insists|keeps saying|saying)"
    r"(?:\s+(?:[\w'’-]+\s+){0,4}?that)?\s+(?=\S)"
    r"|^\W*(?:the\s+)?(?:rumour|word|talk|story|gossip)\s+(?:[\w'’-]+\s+){0,5}?is\s+(?:that\s+)?(?=\S)",
    re.I,
)
# The check itself ("Is that true?", ", is that right?", "True?"): how the claim is asked, no topic.
_BARE_CHECK = re.compile(
    r"[.,;]?\s*(?:(?:and|so|but)\s+)?(?:(?:is|was|isn['’]?t)\s+(?:that|this|it)\s+(?:really\s+|still\s+)?"
    r"(?:so|true|right|correct|the case)|true|right|really|correct)\s*\?\s*$",
    re.I,
)
_ON_ITS_OWN = re.compile(r"\b(?:on|by)\s+(?:its|their|his|her)\s+own\b", re.I)
_POINTS_BACK = re.compile(r"\b(?:it|its|they|them|their|he|she|him|his|her|those|these|this|one)\b", re.I)


# A self-introduction ("I'm a PCSO in the town team", "I am a locum covering at ...") says who
# the "I" of the question is: the role stays with the question it is asked of.
_SELF = re.compile(
    r"\b(?:i['’]?m|i am)\s+(?:a|an)\s+(?P<role>(?:[\w-]+\s+){0,2}?[\w-]+?)"
    r"(?=\s+(?:in|at|from|for|with|on|covering|working|based|and|who|here)\b|\s*[,.;!?]|\s*$)",
    re.I,
)
# A clause that itself opens a question (a question word or an inverted auxiliary).
_QUESTION = re.compile(
    r"^\s*(?:(?:so|and|but|then|also)\s+)?(?:what|when|who|whom|whose|where|which|why|how|is|are|was|were|do|does|"
    r"did|can|could|should|will|would|has|have)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:i|me|my|myself|we|us|our)\b", re.I)


def _as_meant(asked: str, enough) -> str:
    """ "how many referrals last year, sixty-something was it?": the asker's guess and asides after
    an open question, a pro-form "one" and a pointer's head noun are not what a passage must hold
    (speech.py); the guess stays when the open question has too few words of its own without it
    ("where do I write it up, is it the tenancy file?")."""
    trimmed = speech.without_guesses(asked)
    return speech.without_proforms(trimmed if enough(trimmed) else asked)


def sentences_of(text: str) -> list[str]:
    """``text`` split after each full stop, question or exclamation mark."""
    return _SENTENCE_END.split(text)


def claim_checked(question: str) -> bool:
    """Does ``question`` put a claim up to be checked ("... Is that true?", "Is it 50?")?"""
    return _any_checks(_SENTENCE_END.split(question or ""))


def checked_figures(question: str) -> set[str]:
    """The figures of a claim put up to be checked ("I was told we're auditing 50 cases. Is it
    50?", "more than 20,000 contacts. What's the real number?"): the asker's, which the passage
    may correct, so it need not hold them. A year says which period is asked, and stays."""
    return claim_figures(question) if claim_checked(question) else set()


def claim_figures(question: str) -> set[str]:
    """The figures of ``question`` but its years (``checked_figures``, once the claim is known checked)."""
    from assistant.answering import meaning

    return {n for n in meaning.numbers_in(question) if not (len(n) == 4 and n[:2] in ("19", "20"))}


def _checks(sentence: str, before: str = "") -> bool:
    """Does ``sentence`` check a claim: "Is that true?", "Is it 50?", or, after a claim someone
    told ("I heard ..."), "Is that one of the actions?" (not "Is this private fostering?" after
    the asker's own situation, which names what is asked)."""
    if _CHECKS_A_CLAIM.search(sentence) or _CHECKS_A_FIGURE.search(sentence):
        return True
    return bool(_OF_THE_TOLD.match(sentence)) and any(_ATTRIBUTION.search(b) for b in _SENTENCE_END.split(before))


def _any_checks(sentences: list[str]) -> bool:
    return any(_checks(s, " ".join(sentences[:i])) for i, s in enumerate(sentences))


# "I heard dentists have to flag children too. Is that one of the actions?", "Is this in the
# tracker?": asked of what was told before, which is what the question is about.
_OF_THE_TOLD = re.compile(
    r"\W*(?:(?:and|so|but)\s+)?(?:is|was|are|were|does|did|has|have|will|would|can|could)\s+(?:that|this)\b", re.I
)


# "designated safeguarding lead or designated safeguarding liaison? Which is it?", "Dr Hesketh or
# Dr Tregear?", "is it four or five?": choices put to be checked, the last word of each.
_EITHER = re.compile(r"([\w'’-]+)\s+or\s+(?:[\w'’-]+\s+){0,3}?([\w'’-]+)\s*[?.,!]")


def choices(question: str) -> list[tuple[str, str]]:
    """The choices of each "A or B?" the question puts, as typed (the last word of each)."""
    return [(m.group(1), m.group(2)) for m in _EITHER.finditer(question or "")]


def without_told_claims(question: str) -> str:
    """``question`` without the general claims it reports and puts up to be checked ("My friend
    says the law lets children be left alone from 12. Is that the law?" -> "Is that the law?"):
    what someone else said, not the asker's own situation."""
    if not claim_checked(question):
        return question
    return " ".join(s for s in _SENTENCE_END.split(question) if not _general_claim(s))


# Someone in particular in a claim ("my son told me that a man touched him"): a disclosure, kept.
_SOMEONE = re.compile(r"\b(?:my|our|he|she|him|her|his|hers)\b", re.I)


def _general_claim(sentence: str) -> bool:
    """Is ``sentence`` a claim someone told about no one in particular ("My friend says the law
    lets children be left alone from 12.")?"""
    told = _ATTRIBUTION.search(sentence)
    return told is not None and not _SOMEONE.search(sentence[told.end() :])


_UNABLE = re.compile(r"\b(?:not|never|cannot|can['’]?t|couldn['’]?t|won['’]?t)\b", re.I)  # "cannot read": no source


def attribution_words(question: str) -> set[str]:
    """The words saying where the asker heard or read a claim ("saw a tiktok saying ...", "my
    manager says ..."): the claim's source, never a thing a passage must hold."""
    told = [s for s in _SENTENCE_END.split(question or "") if not _QUESTION.match(s)]  # "what has X said"
    found = (_ATTRIBUTION.search(s) for s in told)
    said = [re.findall(r"[\w'’-]+", m.group(0)) for m in found if m and not _UNABLE.search(m.group(0))]
    # a place or body named there ("a colleague from Cornwall says") says whose rule is claimed
    return {w.lower() for ws in said for i, w in enumerate(ws) if i == 0 or not w[:1].isupper()}


def checks_a_claim(sentence: str) -> bool:
    """Does ``sentence`` check a claim told before it ("Is that true?", "True?", "does it really say that?")?"""
    return bool(_CHECKS_A_CLAIM.search(sentence or ""))


def asking_part(text: str, enough) -> str:
    """What a message asks, without its lead-in: the greeting, sign-off and background sentences
    around the sentence that asks ("Hi, I'm a PCSO in the town team. We see ... . Would I ...?")
    and a background clause before a comma ("a 14 yr old has been staying with a friend for a
    month, does that count as private fostering"). Those are context: they may help find the
    passage, but a passage need not hold them. ``enough(clause)`` says whether a clause has
    words enough of its own to be searched alone. The whole text when nothing asks."""
    text = without_relay(_GREETING.sub("", text or "", count=1))
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]
    sentences = [_GREETING.sub("", s, count=1) for s in sentences]
    asking = [i for i, s in enumerate(sentences) if _ASKS.search(s) or _ASKING.search(s)]
    if not asking:
        return _as_meant(text.strip(), enough)
    # "We moved the records last year. Is it kept for six years?": a sentence whose pronoun
    # points back keeps the sentences before it.
    checking = [i for i, s in enumerate(sentences) if _checks(s, " ".join(sentences[:i]))]
    first = next((i for i in asking if _PERSONAL.search(sentences[i]) or i in checking), None)
    asks = [" ".join(sentences[: first + 1])] if first is not None else []
    asks += [sentences[i] for i in asking if first is None or i > first]
    out = []
    for s in asks:
        clause = _ASKING.search(s)
        lead = s[: clause.start()] if clause else ""
        rest = clause.group(0).lstrip(",-–— ") if clause else ""
        # "with two phones": a few of the scene's things, when the clause asks for no figure
        few = _FEW.sub(" ", lead) if not _FIGURE_ASKED.search(rest) else lead
        situation = not _TOPICAL_LEAD.search(_AGE.sub(" ", few))
        # "what am I meant to write, like in the record, when I'm worried?": a lead-in that asks
        # itself is the question, and the clause after it (", when ...") restricts it.
        background = (
            clause
            and situation
            and (_FINITE.search(lead) or _SCENE_OPENING.match(lead))
            and not _RESTRICTS.match(lead)
            and not _QUESTION.match(lead)
        )
        # The asking clause stands alone only when it names its topic ("does that count as
        # private fostering"); "when were they appointed?" needs the lead-in it points back to.
        # A pointer after words enough to name what is asked points inside the clause ("what's
        # the duty team called and when does it meet?", "does the code want him sent home?").
        pointer = _POINTS_BACK.search(_ON_ITS_OWN.sub(" ", rest))  # "on its own" is "alone"
        points_back = pointer and not enough(rest[: pointer.start()])
        out.append(rest if background and not points_back and enough(rest) else s)
    asked = _as_meant(" ".join(out).strip(), enough)
    if checking:  # "A colleague told me ... Is that true?": the claim
        # "that" keeps the claim's first word where a name's capital is read ("A friend says Wales has ...")
        claim = " ".join(_ATTRIBUTION.sub("that ", s, count=1) for s in _SENTENCE_END.split(asked))
        claim = _BARE_CHECK.sub("?", claim).strip()
        asked = claim if re.search(r"\w", claim) else asked
    roles = [m.group("role") for m in _SELF.finditer(text) if m.group(0) not in asked]
    if roles and _FIRST_PERSON.search(asked):  # "Would I ever be in a strategy discussion?", asked by a PCSO
        asked = f"{asked} ({', '.join(roles)})"
    return asked


# How speech is written down ("um, so, dental neglect, is that, sorry, when does it..."): the
# sounds and phrases a speaker fills a pause with, and a word said twice ("just, just kids"),
# carry nothing to find or to hold. Sounds only in lower case ("ER" is a place in a hospital).
_FILLER_SOUNDS = re.compile(r"(?<![\w'’-])(?:um+|uh+|erm+|er+|hmm+|ah+)(?![\w'’-])[,.]?")
_FILLER_PHRASES = re.compile(r"(?:^|(?<=,))\s*(?:you know|i mean|sorry|like)\s*(?=,|$)|^\s*(?:so|like),\s*", re.I)
_REPEATED = re.compile(r"\b(\w+)(?:,\s*|\s+)\1\b", re.I)
# "when's it open, like the hours?": "like" opening a phrase after a pause gives an example or a
# closer wording, it is not a word of the question ("would you like", "looks like" stay).
_LIKE_AFTER_PAUSE = re.compile(r"(?<=[,?])\s*like\s+(?!to\b)", re.I)


def unspoken(text: str, known: Callable[[str], bool] | None = None) -> str:
    """``text`` as typed (dictation.written), without the fillers of speech and words said
    twice, with its self-corrections made (speech.repaired; ``known`` says whether the index
    holds a phrase's words); the rest as typed."""
    out = dictation.written(text, known)  # "... question mark", "the p r u": as speech-to-text writes
    out = _FILLER_SOUNDS.sub(" ", textspeak.written_out(out))  # "wat", "some1": typed in a hurry
    out = speech.repaired(re.sub(r"\s+", " ", out), known)
    out = _LIKE_AFTER_PAUSE.sub(" ", out)
    for _ in range(2):  # "um, so, dental...": a filler left at the start once the first is gone
        out = _FILLER_PHRASES.sub("", re.sub(r"^[\s,]+", "", out))
    out = _REPEATED.sub(r"\1", out)
    out = re.sub(r"\s*,(?:\s*,)+", ",", out)
    return re.sub(r"\s+", " ", out).strip(" ,") or text
