"""Signposting: point someone worried about a child right now to help, above any quote.

The assistant only quotes documents, so it cannot advise; but a worried parent or neighbour
on a partner site will ask "what should I do?". Every abstention, and every question that
reads as a worry about a child now, carries the operator's signpost (settings.py:
``signpost_title``, ``signpost_text``, ``signpost_links``; the national default is 999, the
local council's children's social care and the NSPCC helpline).

How a question is read (tests/test_signpost.py holds the phrasings, both ways):

* A **strong** cue always signposts: the asker speaks of their own worry or who to turn to
  ("I'm worried about…", "who do I call", "hurting me"), in their own words (words a question
  quotes from a case in the documents are not the asker's).
* The asker's **next step** ("what should I do", "how do I report", "who do I call")
  signposts for a child the asker knows ("my", "next door") or harm told now; not when the
  question cites the documents ("according to the guidance, what should I do if…?") or asks
  it of any child, as procedure ("what should I do if a family misses a contact?", "what do I
  do about a bruise on a baby who can't crawl?"), unless it says now. A bare next step ("who
  do I ring?"), naming neither, is what the meaning reads it as (urgency.py): asking for the
  procedure, or a worry; with no vector to read it by, a worry.
* Words of worry or harm **supposed** in a question ("who do I contact if I'm worried about a
  teacher?", "if the child is in danger, do we stay?"), a question asking **how to tell**
  ("how do I know if my child is being groomed?") or **what a rule says** ("is that
  allowed?", "does that count as…?") ask for information (askform.py): neither the rules nor
  the meaning read them as a worry now.
* Harm **going on** to someone the asker knows ("my sister says our stepdad hits her"), in the
  habitual present, always signposts, even when the question goes on to ask the documents.
* A **weak** cue ("in danger", "is being abused", "not safe at home", "tonight", "right now")
  signposts unless the question is about what the documents say or a case they tell ("what
  does the report say about children in danger of exploitation?", "why was the baby not safe
  at home in the review?" are reading, not a crisis). When in doubt we signpost: a signpost
  shown to a researcher costs a line; one missing for a frightened child costs far more.
* A worry told in **one sentence of several** ("People say ... . A girl of about 13 has just got
  into a car with two men and looked scared. Is that my business?"), whose other sentences dilute
  the whole question's meaning, is read sentence by sentence too, with a wider margin
  (``urgent_by_meaning``, ``TOLD_MARGIN``).
"""

from __future__ import annotations

import re

from assistant.answering import answertypes, askform, leadin

_STRONG = [
    r"\b(i'?m|i am|im|we'?re|we are)\s+(really\s+|very\s+|so\s+|quite\s+|a bit\s+|getting\s+)?(worried|"
    r"concerned|scared|frightened|afraid|anxious)\b",
    r"\bworried about (a|my|the|this|our|her|his|their) (child|kid|son|daughter|baby|grandchild|niece|nephew|"
    r"pupil|student|neighbour|friend|brother|sister)",
    r"\b(hurting|hurts|hurt|hit|hits|hitting|beat|beats|beating|abusing|abused|touched|touching|threatening) me\b",
    # Present tense only: "we know the child was being neglected" is about a case already told.
    r"\b(i|we) (think|suspect|believe|fear|know) (a|my|the|that|this|our) (\w+ ){1,4}(is|are|has been|might be|"
    r"may be) (being )?",
    r"\b(help me|i need help|please help)\b",
    # A child telling of coercion or fear now, in the first person ("they make me hold stuff for
    # them", "i cant go home").
    r"\b(they|he|she|someone|people)\s+(make|makes|force|forces|are making|keep making)\s+me\b",
    r"\bi\s*(can'?t|cannot|daren'?t|dare not|am scared to|'?m scared to|am afraid to|'?m afraid to)\s+go\s+(back\s+)?"
    r"home\b",
    # "Emergency" is a crisis, unless it names a service ("emergency department", "emergency
    # medicine", "emergency planning"): a question about how those services work is reading.
    # Nor when denied: "if it's not an emergency, how quickly ...?" asks the ordinary case.
    r"(?<!\bnot an )(?<!\bnon-)(?<!\bnon )(?<!\bno )(?<!\bisn't an )(?<!\bisnt an )"
    r"\bemergency\b(?!\s+(department|departments|dept|teams?|services?|medicine|planning|admissions?|staff|"
    r"nurses?|doctors?|clinicians?|care|protection orders?|placements?|accommodation|beds?|foster(?:ing)?|carers?|"
    r"respite|housing|plans?|procedures?)\b)",
]
# The asker's next step, which a practitioner may also ask the documents about ("according to
# the guidance, what should I do if a baby has a bruise?"): a signpost unless they are cited.
_NEXT_STEP = [
    r"\bwhat (should|do|can|shall|must) (i|we) do\b",
    r"\bhow (do|can|should) (i|we) report\b",
    r"\bwho (should|do|can|shall) (i|we) (call|ring|phone|contact|tell|talk to|speak to|report)",
    r"\bwhere (do|can|should) (i|we) (report|go|get help|call)",
    r"\b(report|reporting) (child )?(abuse|neglect)\b(?! (in|of) the)",
]
# A next step asked of any child, not of one the asker knows: a practitioner's question about
# procedure ("what should I do if a family misses a contact?", "who do I tell if the child
# already has a social worker?"), unless it says of harm happening now ("if a kid is in danger").
_GENERIC = re.compile(r"\b(if|when|whenever|once)\s+(a|an|the|any|one|someone|somebody|there)\b|\babout an? \w+", re.I)
# Asking whom to turn to: with danger or harm named, even supposed ("who do I ring if a child is
# being hurt?"), this is how someone facing it now asks; a signpost costs a researcher a line.
_SEEKS_HELP = re.compile(
    r"\bwho (?:should|do|can|shall) (?:i|we) (?:call|ring|phone|contact|tell|report)"
    r"|\bwhere (?:do|can|should) (?:i|we) (?:report|get help|call)",
    re.I,
)
_PARTICULAR = re.compile(r"\b(my|our|mine)\b|\bnext door\b|\bneighbour", re.I)
_HARM_NOW = re.compile(
    r"\bbeing (abused|hurt|harmed|neglected|beaten|hit|groomed|exploited|assaulted|starved|threatened)\b"
    r"|\b(bruis\w*|injur\w*|burns?|fractures?|bleeding|wounds?)\b",
    re.I,
)
_CITES_DOCUMENTS = re.compile(
    r"\baccording to\b|\b(does|did|do) (it|they|the (report|guidance|briefing|review|document|documents|panel|"
    r"procedures?|policy)) (say|says|recommend|suggest|advise)\b|\b(in|from) the (report|guidance|briefing|review|"
    r"documents?|procedures?|policy)\b",
    re.I,
)
# Words a question quotes from a case ("the girl told her teacher 'he hits me'") are not the asker's.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")
_WEAK = [
    r"\bin (immediate |serious )?danger\b",
    r"\b(is|are) being (abused|hurt|harmed|neglected|beaten|hit|groomed|exploited|assaulted|starved)\b",
    r"\b(tonight|right now|at the moment|this (evening|morning|afternoon|weekend))\b",
    r"\b(run away|ran away|missing from home)\b",
    r"\bnot safe (at home|tonight|now|with)\b",
    r"\bleft (alone|on (his|her|their) own|home alone)\b",
    r"\b(no|without) food\b",
]
# Reading about the documents: "what does the report say about…", "according to the Panel…",
# or a case they tell ("what happened to the baby in the review?", "Child T", "in this case").
_ABOUT_DOCUMENTS = re.compile(
    r"\b(the|this|that) (annual )?(report|panel|review|reviews|document|documents|publication|briefing|guidance|"
    r"case|cases|study|studies)\b|\baccording to\b"
    r"|\bwhat (does|do|did) .{0,40}\b(say|says|said|mean|recommend|find|found)\b"
    r"|\bwhat happened\b|\b(?<!in )case\b|\bcases\b|\b(?-i:[Cc]hild [A-HJ-Z])\b",
    re.I,
)
_NOW = re.compile(r"\b(right now|tonight|at the moment|just now|this (evening|morning|afternoon))\b", re.I)
# Said of this moment: a question asking what is allowed that says so tells a situation now ("is
# that allowed? he's there now").
_SAYS_NOW = re.compile(r"\b(now|right now|tonight|at the moment|just now)\b", re.I)
STRONG = [re.compile(p, re.I) for p in _STRONG]
NEXT_STEP = [re.compile(p, re.I) for p in _NEXT_STEP]
WEAK = [re.compile(p, re.I) for p in _WEAK]


# A time that dates a meeting, not harm: "asked to join a strategy discussion by phone this
# afternoon", "who is that at the moment" (the present holder of a role asked about).
_TIMED_MEETING = re.compile(
    r"\b(?:a|an|the|this|that|my|our|their|his|her)\s+(?:\w+\s+){0,2}(?:meeting|discussion|conference|call|appointment|visit|training|session|interview|hearing|panel)\b"
    r"[^.?!,;]{0,40}?\b(?:tonight|today|this (?:morning|afternoon|evening|weekend))\b",
    re.I,
)
_PRESENT_HOLDER = re.compile(
    r"^\W*(?:(?:and|so|but|then)\s+)?who(?:['’]s|\s+is|\s+are)\s+(?:that|it|this|they|the\s+\w+(?:\s+\w+)?)\s+"
    r"(?:at the moment|right now|now|currently)\W*$",
    re.I,
)


# Harm told in the present tense of someone the asker knows ("my little sister says our stepdad
# *hits her*"): it goes on now, whatever the question then asks of the documents. Only the habitual
# present: "hit her" may be a case already told.
_HARM_GOING_ON = re.compile(
    r"\b(?:hits|beats|hurts|kicks|punches|slaps|smacks|burns|chokes|strangles|touches|starves)\s+(?:her|him|them|us)\b",
    re.I,
)


def is_urgent(question: str, worry_by_meaning: bool | None = None) -> bool:
    """Does the question read as a worry about a child now? (See the module docstring.)

    ``worry_by_meaning`` (urgency.py's reading, None when there is no vector) decides a bare next
    step ("who do I ring?", "what do I do?") that names no harm and no child the asker knows."""
    text = question or ""
    if _PRESENT_HOLDER.match(text):
        return False
    if _HARM_GOING_ON.search(text) and _PARTICULAR.search(text):
        return True
    text = _TIMED_MEETING.sub(" ", text)
    about = bool(_ABOUT_DOCUMENTS.search(text))
    if about:
        text = _QUOTED.sub(" ", text)
    said = re.sub(r"[’‘]", "'", text)
    text = askform.without_supposition(said)
    if any(p.search(text) for p in STRONG):
        return True
    text = leadin.without_told_claims(text)  # "my friend says children can be left alone from 12. Is that the law?"
    if _PARTICULAR.search(text) and _HARM_NOW.search(text) and not about:  # "my nephew came back with bruises"
        return True
    if any(p.search(text) for p in NEXT_STEP):
        return _next_step_is_urgent(said, text, worry_by_meaning)
    return any(p.search(text) for p in WEAK) and not about


def _next_step_is_urgent(said: str, text: str, worry_by_meaning: bool | None) -> bool:
    """The asker's next step: a worry for a child they know or for harm now; asked of any child
    ("what do I do about a bruise on a baby who can't crawl?"), procedure unless it says now; bare
    ("who do I ring?"), what the meaning reads (a worry when there is no vector to read it by).
    ``text`` is ``said`` without its hypothetical clauses (askform.py)."""
    if _CITES_DOCUMENTS.search(said):
        return False
    if _SEEKS_HELP.search(said) and any(p.search(said) for p in WEAK):
        return True  # "who do I call if a kid is in danger?": asked by whoever is facing it
    if _PARTICULAR.search(text):
        return True
    if _GENERIC.search(said):
        return bool(_NOW.search(text))
    harm_now = _HARM_NOW.search(text) or any(p.search(text) for p in WEAK)
    return bool(harm_now) or worry_by_meaning is not False


def from_settings(settings) -> dict:
    """The operator's signpost as the API shows it: ``{"title", "text", "links": [{"text", "href"}]}``."""
    return {
        "title": settings.signpost_title,
        "text": settings.signpost_text,
        "links": [{"text": link.text, "href": link.href} for link in settings.signpost_links],
    }


def for_answer(
    settings,
    question: str,
    answered: bool,
    qvec=None,
    embedder=None,
    quoted: str = "",
    follow_up: bool = False,
    read_with: str = "",
) -> dict | None:
    """The signpost for an answer: on every abstention and every urgent question, else None.

    With the question's vector and the model that made it, urgency is also judged by meaning
    (urgency.py), for worries told without any of the words the rules look for; never for a
    question about what the asker read or about someone the quotes name (``reads_documents``;
    a follow-up names them with the questions before it, ``read_with``: "and where's the little
    lad living now?" after one about the Calico case asks about that case), nor for one asking what
    is allowed, a rule or how to tell (``asks_for_information``)."""
    if not answered:
        return from_settings(settings)
    worry = urgent_by_meaning(question, qvec, embedder, follow_up) if _readable(qvec, embedder) else None
    if worry and _only_checks_a_claim(question):  # "My friend says kids can stay alone from 12. Is that the law?"
        worry = False
    asks = asks_for_information(question) and not _SAYS_NOW.search(question or "")
    asks = asks and not askform.tells_apart(question or "")
    reading = reads_documents(question, quoted) or bool(read_with and names_quoted(read_with, quoted))
    by_meaning = bool(worry) and not reading and not asks
    return from_settings(settings) if is_urgent(question, worry) or by_meaning else None


def _only_checks_a_claim(question: str) -> bool:
    """Does the question tell nothing but a general claim it checks (no sentence of its own that
    could tell a worry)?"""
    own = leadin.without_told_claims(question or "")
    return own != question and len(own.split()) < TOLD_WORDS


def _readable(qvec, embedder) -> bool:
    from assistant.answering import urgency

    return qvec is not None and urgency.usable(embedder)


def asks_for_information(question: str) -> bool:
    """Does the question ask what the asker may do, what a rule says or how to tell (askform.py)?"""
    return asks_what_is_allowed(question) or askform.asks_a_rule(question) or askform.asks_how_to_tell(question)


# The asker asks what the rules allow them or what follows a step ("is it ok to leave ...?",
# "can I promise ...?", "what happens after I ring?"): a question about procedure, whose words
# of harm are hypothetical; only explicit wording (``is_urgent``) signposts it. Asking for help
# ("can I call someone", "can we get help") is not asking permission.
_ALLOWED = re.compile(
    r"\b(?:is|would) it (?:be )?(?:ok|okay|alright|all right|legal|illegal|allowed|acceptable|against the law)\b"
    r"|\b(?:am i|are we) (?:allowed|supposed|meant) to\b"
    r"|\b(?:can|may|could) (?:i|we) (?!(?:call|ring|phone|contact|tell|report|get|go|talk|speak|do|help|ask)\b)\w+"
    r"|\bwhat happens (?:after|when|once|if|next)\b",
    re.I,
)


def asks_what_is_allowed(question: str) -> bool:
    """Does the question ask what the asker may do, or what follows a step they take?"""
    return bool(_ALLOWED.search(question or ""))


# The asker says they read it, or names the text: "it upset me reading that...", "in the review".
_READ = re.compile(
    r"\b(?:reading|i read|i've read|read (?:that|about|in))\b|\b(?:the|this|that) (?:report|review|reviews|poster|"
    r"podcast|minutes|briefing|guidance|document)\b",
    re.I,
)
# A case's letter pseudonym asked after ("child r", "Baby N"), named in the quotes ("R", "Child R").
_PSEUDONYM = re.compile(r"\b(?:child|baby|infant|young person|sibling)\s+([b-hj-z])\b(?![\w'’])", re.I)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,})\b", re.M)


def reads_documents(question: str, quoted: str = "") -> bool:
    """Is the question about the documents: the asker read it, or it names someone the quotes
    name ("Did Esme's mum ever ask for help?" with quotes telling Esme's case)? Such a question
    is reading, not a worry now: only explicit wording (``is_urgent``) signposts it."""
    return bool(_READ.search(question or "")) or names_quoted(question, quoted)


def names_quoted(question: str, quoted: str) -> bool:
    """Does the question name someone the quotes name (a name or a case's letter pseudonym)?"""
    if not quoted:
        return False
    from assistant.answering import meaning

    names = {m.group(1).lower() for m in _NAME.finditer(quoted) if not meaning.common(m.group(1).lower())}
    names = {n for n in names if not meaning.word_classes(n)}  # a person's name, not an English word
    names |= {m.group(1).lower() for m in answertypes.BY_NAME.finditer(quoted)}  # "Child Calico": a name, though a word
    if names & {w.lower().removesuffix("'s") for w in re.findall(r"[A-Za-z']+", question or "")}:
        return True
    return any(
        re.search(rf"(?<![\w'’]){m.group(1).upper()}(?![\w'’])", quoted) for m in _PSEUDONYM.finditer(question or "")
    )


def urgent_by_meaning(question: str, qvec, embedder, follow_up: bool = False) -> bool:
    """The meaning half of urgency (False without a vector or with a model whose vectors mean nothing)."""
    from assistant.answering import urgency

    if qvec is None or not urgency.usable(embedder):
        return False
    if urgency.reads_as_worry(question, qvec, embedder, about_documents(question), follow_up):
        return True
    # "People say girls in care choose to go off with older men. A girl of about 13 has just got
    # into a car with two men and looked scared. Is that my business?": a worry told in one
    # sentence of several, whose meaning the others (a claim, a question) dilute
    told = [s for s in leadin.sentences_of(question or "") if len(s.split()) >= TOLD_WORDS]
    if len(told) < 2:
        return False
    vecs = embedder.encode(told)
    return any(
        urgency.margin(v, embedder)[0] >= TOLD_MARGIN
        and urgency.reads_as_worry(s, v, embedder, about_documents(s), follow_up)
        for s, v in zip(told, vecs, strict=True)
    )


TOLD_WORDS = 6  # a sentence that can tell a worry on its own
# How much closer to worry than to reading one sentence of several must be: on the development
# sets no sentence of a question about the documents comes within 0.063, and most worries are
# above 0.1 (a sentence alone is read with less context than the whole question).
TOLD_MARGIN = 0.1


def about_documents(question: str) -> bool:
    """Does the question ask about the documents or a case they tell (reading, not a crisis)?"""
    return bool(_ABOUT_DOCUMENTS.search(question or ""))
