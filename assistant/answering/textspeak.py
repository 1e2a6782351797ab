"""Text-speak written out: what the public types into a chat box ("wat", "wen", "some1", "u").

A question typed in a hurry on a partner's website is read with its words written out, for the
search and for what a passage must hold (``leadin.unspoken``); the answer keeps the question as
typed. Only spellings that stand for one English word whatever the context are here. A single
letter that may be a case's pseudonym ("Child R", "baby u") is written out only after a word that
cannot come before a pseudonym.
"""

from __future__ import annotations

import re

SPELLED = {
    "wat": "what",
    "wot": "what",
    "wen": "when",
    "wer": "where",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "thru": "through",
    "tho": "though",
    "cos": "because",
    "coz": "because",
    "bc": "because",
    "abt": "about",
    "ppl": "people",
    "b4": "before",
    "2day": "today",
    "2moro": "tomorrow",
    "2nite": "tonight",
    "some1": "someone",
    "any1": "anyone",
    "every1": "everyone",
    "no1": "no one",
    "sum1": "someone",
    "wud": "would",
    "cud": "could",
    "shud": "should",
    "dunno": "do not know",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "have to",
    "thx": "thanks",
    "msg": "message",
    "txt": "text",
}
# "u" and "r" are also pseudonyms ("Baby U", "Child R"): "u" is written out only after a word
# of asking ("can u", "do u", "thank u"), "r" only before a pronoun ("r u", "r they").
_U_AFTER = re.compile(r"\b(?:can|could|do|did|will|would|should|have|are|r|if|when|wen|thank)\s+$", re.I)
_R_BEFORE = re.compile(r"^\s+(?:u|you|we|they|there|these|those)\b", re.I)
_WORD = re.compile(r"(?<![\w'’-])[a-z0-9]+(?![\w'’-])")


def written_out(text: str) -> str:
    """``text`` with its text-speak written out ("wat if its about the head": "what if its about
    the head"); words typed in capitals, and every other word, as typed."""

    def one(m: re.Match) -> str:
        word = m.group(0)
        if word in SPELLED:
            return SPELLED[word]
        if word == "u" and _U_AFTER.search(text[: m.start()]):
            return "you"
        if word == "r" and _R_BEFORE.match(text[m.end() :]):
            return "are"
        return word

    return _WORD.sub(one, text)
