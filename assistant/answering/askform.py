"""The form of a question about a child: asking for a rule, a sign or a step, or telling what happens.

The signpost (signpost.py, urgency.py) is for a worry about a particular child now. A question
can carry every word of such a worry and still be asking for information:

* **Hypothetical.** A conditional clause ("what do we do *if the child is in danger*?", "who do
  I contact *if I'm worried about a member of staff*?", "what goes in the record *when I'm
  worried*?") puts the harm or the worry in a supposed case, not in the asker's life now. It
  stays real when it names a child the asker knows ("if my son …") or a time now ("if she is
  alone tonight …"). Only a question is read this way: a report ("she says he'll hit her if
  she goes home") keeps its words.
* **Asking how to tell.** "How do I know if my daughter is being bullied online?" asks for the
  signs; the harm is what the asker wants to recognise, even of their own child.
* **Asking for a rule.** "Is that allowed?", "do they have to be sixteen?", "does that count as
  a private arrangement?" ask what the rules say of a situation, not for help with it.

A question may also **tell** something in a part of its own ("is that allowed? the boy upstairs
is alone again"): what it tells is not supposed, and may be a worry now (``tells_apart``).
"""

from __future__ import annotations

import re

# A clause of supposition, up to the next punctuation: "if …", "whenever …", "in case …", and
# "when I'm / we have / you feel …" (the habitual when of a procedure, not a moment told).
_CONDITIONAL = re.compile(
    r"\b(?:if|whenever|in case|unless|what if)\b[^.,;:!?]*"
    r"|\bwhen (?:i|we|you)(?:'m| am|'re| are| have| feel| get| think| see| notice)\b[^.,;:!?]*",
    re.I,
)
# A child the asker knows, or a time now: the supposition is about a real situation.
_REAL = re.compile(
    r"\b(?:my|our|mine)\b|\bnext door\b|\bneighbou?rs?\b"
    r"|\b(?:right now|tonight|at the moment|just now|today|yesterday|last night|this (?:morning|afternoon|evening))\b",
    re.I,
)
# Asking how to recognise something: "how do I know if", "how can you tell whether", "how would
# parents spot that".
_HOW_TO_TELL = re.compile(
    r"\bhow (?:do|can|would|will|could|should|might|does) (?:i|we|you|one|a parent|parents|people|anyone|someone) "
    r"(?:\w+ )?(?:know|tell|spot|recogni[sz]e|notice|check|find out|be sure|work out)\b",
    re.I,
)
# Asking what the rules say of a situation: "is that allowed?", "is this legal", "do they have
# to be 16", "does it count as", "is that classed as".
_RULE = re.compile(
    r"\b(?:is|would|was) (?:that|this) (?:be )?(?:ok|okay|alright|all right|legal|illegal|allowed|acceptable|"
    r"against the law|a crime|an offence)\b"
    r"|\b(?:do|does|did) (?:they|you|i|we|he|she|it|children|kids|parents) (?:have|need|got) to\b"
    r"|\b(?:does|would|do|is|was) (?:that|this|it) (?:count|counted|classed|class|considered|seen|treated) as\b",
    re.I,
)
# A question: a question mark, or a question word or inverted auxiliary at the start.
_QUESTION_START = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|hi|hello|please|sorry)\W+)*(?:(?:at|in|on|for|from|by|to|with|of) )?"
    r"(?:who|what|whats|wat|where|when|why|how|which|"
    r"is|are|was|were|do|does|did|can|could|should|would|will|may|must|am|have|has)\b",
    re.I,
)


_PARTS = re.compile(r"[^.?!;,]+[.?!;,]*")


# The main clause of a question after a clause put first: "if …, should we leave?", "… do I ring".
_INVERTED = re.compile(
    r"\b(?:should|shall|do|does|can|could|must|would|will|may|am|is|are) (?:i|we|you|they)\b(?! (?:know|think)\b)", re.I
)


def is_question(text: str) -> bool:
    """Is the text asked (a question mark, a question word or auxiliary first, or an auxiliary
    before its subject)?"""
    return "?" in text or bool(_QUESTION_START.match(text)) or bool(_INVERTED.search(text))


def asks_how_to_tell(text: str) -> bool:
    """Does the question ask how to recognise something ("how do I know if …")?"""
    return bool(_HOW_TO_TELL.search(text or ""))


def asks_a_rule(text: str) -> bool:
    """Does the question ask what the rules say of a situation ("is that allowed?")?"""
    return bool(_RULE.search(text or ""))


def supposed(text: str) -> list[str]:
    """The question's clauses of supposition that are hypothetical (see the module docstring)."""
    text = text or ""
    if not is_question(text):
        return []
    telling = asks_how_to_tell(text)
    return [m.group(0) for m in _CONDITIONAL.finditer(text) if telling or not _REAL.search(m.group(0))]


def without_supposition(text: str) -> str:
    """The question with its hypothetical clauses blanked: what it tells as real."""
    for clause in supposed(text):
        text = text.replace(clause, " ", 1)
    return text


def tells_apart(text: str) -> bool:
    """Does the text tell something in a part of its own (between punctuation, three words or more,
    not asked and not supposed), beside what it asks?"""
    parts = [p.strip() for p in _PARTS.findall(text or "") if p.strip(" .?!;,")]
    told = [p for p in parts if len(p.split()) >= 3 and not is_question(p) and not _CONDITIONAL.match(p)]
    return len(parts) > 1 and bool(told)
