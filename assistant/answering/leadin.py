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

# The clause that asks, after the lead-in and a comma: from a question word or an auxiliary that
# opens a question ("..., so I wanted to check, *when were they appointed?*").
_ASKING = re.compile(
    r",\s*(?:(?:so|and|but|then)\s+)?(?:what|when|who|whom|whose|where|which|why|how|is|are|was|were|do|does|"
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
