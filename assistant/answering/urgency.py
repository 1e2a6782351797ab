"""Urgency by meaning: does a question read like someone describing harm to a child now?

The signpost's rules (signpost.py) catch the asker's own words of worry ("I'm worried",
"who do I call"); the public often just describes what they see ("baby crying in a locked
car", "heard a slap next door") with none of them. Here the question's vector (the one the
Assistant already computed for retrieval) is compared with two small sets of prototype
sentences written for this purpose, embedded once per encoder with the same model:

* ``WORRY``: someone (neighbour, parent, child, practitioner) describing harm or danger to
  a child happening now or just now, in many registers (terse, misspelt, first person).
* ``READING``: questions about documents: what a review found, what happened in a case they
  tell, figures, themes, guidance and procedures asked about in general.

The rule is k-nearest-neighbours with a margin: the mean similarity of the ``K`` closest
worry prototypes must beat that of the ``K`` closest reading prototypes by ``MARGIN``, and
the closest worry prototype must be at least ``FLOOR`` close (an off-topic question is far
from both). A question about the documents (signpost.about_documents) is reading unless it
also speaks in the first person and is clearly a worry (``FIRST_PERSON_MARGIN``); one asked
in general terms ("what triggers shaking of babies?": a question word, no first person, no
"now") needs a clearer margin (``GENERAL_MARGIN``), and so does one asking after something past
("…, was it six months?", "how old was he": ``asks_what_was``) with no first person or "now".
The cost per question is one (1 x 384) @ (384 x ~90) product.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, TypeGuard

import numpy as np

from assistant.answering import worrymodel

if TYPE_CHECKING:
    from assistant.encoding.embeddings import Encoder

WORRY = [
    "my neighbours kids have been left on their own for days and there is no food in the house",
    "the little boy upstairs is screaming and I can hear someone hitting him",
    "a toddler is wandering alone by the main road with no adult anywhere",
    "my friend's dad punches her and she has bruises all over, what do I do",
    "I think the baby next door is being shaken, it keeps crying and then goes silent",
    "a man keeps picking a 13 year old girl up from school in his car and giving her vodka",
    "my mum's boyfriend hits me when she is at work",
    "there is a child sleeping in the stairwell of our block tonight",
    "kid outside the shop with cuts on his face says he cant go home",
    "she came into school with burns on her hands and won't say how she got them",
    "we can hear a child crying for hours next door and the parents are drunk",
    "my sister's partner locks her kids in their bedroom all day",
    "a pupil has just told me her uncle touches her",
    "toddler left on his own in a hot car in the supermarket car park",
    "the children next door are thin and dirty and never seem to get fed",
    "my son's friend says his stepmum burns him with a lighter",
    "there is a baby alone in the flat, the mother went out last night and hasn't come back",
    "I just saw a woman slap a small child really hard in the park",
    "a teenager is being forced to sell drugs by older men and he is terrified",
    "someone is sending my 12 year old sexual messages online",
    "I think my daughter's coach is grooming her",
    "kids screaming next door and a man shouting that he'll kill them",
    "the baby has a bruise on her face and her dad lost his temper",
    "a girl in my class has marks on her neck and says her brother strangles her",
    # harm by an adult of a club, a church or a group, told by a parent or a helper
    "the football coach grabbed a boy by the throat at training tonight",
    "one of the leaders at church hit a child in the hall today",
    "the child hasn't been seen for weeks and the curtains are always shut",
    "a young child was out alone at 2am in his pyjamas",
    "plz help my cousin is getting beaten at home",
    "the parents are on drugs and the kids are fending for themselves",
    "my partner shook our baby and now she is floppy and won't wake",
    "a mother brought an infant into clinic with injuries that don't fit her story",
    "my little brother gets hit with a belt",
    "a boy told me he has been kicked out and has nowhere to sleep tonight",
    "an adult man is living with a 15 year old girl and she is pregnant",
    "the baby across the road is left in a dirty nappy crying all day",
    "my child came back from her dad's with a cut lip and says he pushed her",
    "wee lad next door gets leathered every night",
    "neighbours kid always has bruises, heard screaming again last night",
    "a six year old was left to look after her baby brother all night",
    "my friends step dad makes her do stuff she doesnt want to",
    "I saw a kid being dragged into a van, what do i do",
    "child locked out of the house in the cold with no coat",
    "my ex takes drugs in front of our children when they stay with him",
    "a girl keeps turning up at school starving and wearing the same clothes",
    "there's a baby in a pram left outside the pub",
    "he threw the toddler across the room",
    "nobody has collected the little girl and it is dark, she says mummy is asleep and won't wake up",
    "my 14 year old has gone off with a man she met online and wont answer her phone",
    "the lad next door said if he tells anyone his dad will kill him",
    "mum is passed out drunk and the baby is alone with her",
    "there are needles lying around where the kids play in the flat",
    "a child at the bus stop is covered in bruises and shaking",
]

READING = [
    "What did the review find about the baby who died?",
    "What happened to the child in the case study about neglect?",
    "How many children died according to the annual report?",
    "What are the practice themes the Panel identified?",
    "What does the guidance say about bruising in babies who are not yet mobile?",
    "Which agencies were involved with the family before the child's death?",
    "What were the findings about the older sibling in the case?",
    "How many serious incident notifications involved children under one?",
    "What does the report say about neglect and cumulative harm?",
    "What lessons were learned from the review of the boy who was exploited?",
    "What is the procedure for holding a strategy discussion?",
    "What did professionals miss about the mother's drinking in that case?",
    "Who chairs the Panel?",
    "What percentage of incidents involved domestic abuse?",
    "What are the recommendations on information sharing between agencies?",
    "Why were the injuries to the baby not picked up by the health visitor?",
    "What does the briefing say about children who go missing from home?",
    "What was the outcome of the rapid review?",
    "Describe the themes around criminal exploitation of adolescents",
    "How does the report define serious harm?",
    "What risk factors for sudden unexpected death in infancy are listed?",
    "What should a designated safeguarding lead do when a referral is made?",
    "How many reviews were about physical abuse?",
    "What injuries had the child had before she died?",
    "Summarise the case where the toddler was left alone",
    "What training is recommended for practitioners on professional curiosity?",
    "When was the annual report published?",
    "What did the Panel say about lockdown and children's safety?",
    "In the case of the boy who was stabbed, which services knew him?",
    "What is said about men in the household who are invisible to services?",
    "What proportion of the children were teenagers?",
    "What part did the mother's mental health play?",
    "How do children disclose sexual abuse in the family?",
    "What role did the school play in the case?",
    "What are the key messages for health visitors?",
    "What is a local child safeguarding practice review?",
    "Which case involved a baby with a fractured skull?",
    "What were the warning signs in the review of the neglected children?",
    "What are the signs of neglect practitioners should look for?",
    "How can teachers spot child sexual exploitation?",
    "Why did the social worker close the case?",
    "What was the timeline of contacts with the family?",
    "Was the father known to the police before the baby was hurt?",
    "How was the voice of the child heard in the assessment?",
    # A practitioner's procedure or advice question, and why harm happens in general.
    "When should I make a referral to children's social care?",
    "Who can I ask for advice if I am not sure whether to refer?",
    "Should I tell the parents before I share information with the police?",
    "What should happen when a new partner moves into the household?",
    "What should I do if a family keeps missing appointments?",
    "What makes parents more likely to hurt a baby?",
    "How should a practitioner follow up a baby who has not been seen?",
    # The public and volunteers asking what a club's, a charity's or a council's page says: checks,
    # costs, contacts, rules of conduct, what to tell whom (a question about the rules, not a worry).
    "Do volunteers need a police check, and who pays for it?",
    "Who is the welfare officer and how do I get in touch with them?",
    "Is there a number I can text instead of phoning?",
    "What are the rules for coaches messaging the young people in their team?",
    "Who do I complain to about how a volunteer treats the children?",
    "How long does a family have to tell the council about the arrangement?",
    "Are parents allowed to take photos at the club's events?",
    "How many adults have to go on a trip with the group?",
]

K = 3  # neighbours averaged on each side
MARGIN = 0.0  # worry must be at least this much closer than reading
FLOOR = 0.35  # the closest worry prototype must be at least this close
FIRST_PERSON_MARGIN = 0.03  # a question about the documents needs this, and first-person words
GENERAL_MARGIN = 0.15  # a question asked in general terms ("what triggers…?") needs this
_FIRST_PERSON = re.compile(r"\b(i|i'?m|me|my|we|we'?re|us|our)\b", re.I)
# Asked in general terms: opens with a question word and says nothing of the asker or of now.
_GENERAL = re.compile(r"^\s*(what|which|why|how|when|who|is|are|does|do|can)\b", re.I)
# A question about what to do should something happen to a child, not one the asker is with now.
_IF_ANY_CHILD = re.compile(r"^\s*(if|when|what if)\s+(a|an|the|any)\s+(child|young person|pupil|kid|baby)\b", re.I)
# Asking after something past ("…, was it six months?", "how old was he", "did anyone check?"): an
# inverted past auxiliary opening a clause; with no first person and nothing now it asks what a
# case told, and is held to the general margin.
_ASKS_WHAT_WAS = re.compile(
    r"(?:^|[,;:?!.]\s*|\b(?:and|or|so|but|then)\s+)(?:was|were|did)\s+(?:it|he|she|they|there|the|that|this|"
    r"anyone|anybody|someone|somebody|any)\b|\bhow (?:old|long|many|much|often|bad)\s+(?:was|were|did)\b",
    re.I,
)
_NOW = re.compile(r"\b(now|just|tonight|today|yesterday|last night|this (morning|evening|weekend))\b", re.I)

_lock = threading.Lock()
_prototypes: dict[int, tuple[object, np.ndarray, np.ndarray]] = {}


def prototypes(embedder: Encoder) -> tuple[np.ndarray, np.ndarray]:
    """The worry and reading prototype vectors for ``embedder``, computed once and kept."""
    key = id(embedder)
    cached = _prototypes.get(key)
    if cached is None or cached[0] is not embedder:
        with _lock:
            cached = _prototypes.get(key)
            if cached is None or cached[0] is not embedder:
                vecs = np.asarray(embedder.encode(WORRY + READING), dtype=np.float32)
                cached = (embedder, vecs[: len(WORRY)], vecs[len(WORRY) :])
                _prototypes[key] = cached
    return cached[1], cached[2]


def usable(embedder) -> TypeGuard[Encoder]:
    """Only the shipped model's vectors mean anything (the test suite's fake encoder is noise)."""
    from assistant.settings import MODEL_NAME

    return embedder is not None and getattr(embedder, "name", None) == MODEL_NAME


def margin(qvec: np.ndarray, embedder: Encoder) -> tuple[float, float]:
    """(how much closer the question is to worry than to reading, its closest worry similarity)."""
    worry, reading = prototypes(embedder)
    q = np.asarray(qvec, dtype=np.float32).reshape(-1)
    w = np.sort(worry @ q)[::-1]
    r = np.sort(reading @ q)[::-1]
    return float(w[:K].mean() - r[:K].mean()), float(w[0])


def reads_as_worry(
    question: str,
    qvec: np.ndarray,
    embedder: Encoder,
    cites_documents: bool,
    follow_up: bool = False,
    learned: bool = True,
) -> bool:
    """Does the question, by meaning, describe harm or danger to a child now? The prototypes
    must say so, and the learned reader (worrymodel.py) must agree unless ``learned`` is False."""
    gap, closest = margin(qvec, embedder)
    if not _by_prototypes(question or "", gap, closest, cites_documents, follow_up):
        return False
    return not learned or worrymodel.agrees(qvec, gap)


def _by_prototypes(text: str, gap: float, closest: float, cites_documents: bool, follow_up: bool) -> bool:
    """The prototype rule. A follow-up ("and what about if she's got the kids with her") is a
    fragment of a conversation about the documents: its meaning alone must be clearer
    (``GENERAL_MARGIN``) unless it says "now"."""
    if closest < FLOOR or gap <= MARGIN:
        return False
    first_person = bool(_FIRST_PERSON.search(text))
    if cites_documents:
        return gap >= FIRST_PERSON_MARGIN and first_person
    if follow_up and not _NOW.search(text):
        return gap >= GENERAL_MARGIN
    if (_GENERAL.match(text) or asks_what_was(text)) and not first_person and not _NOW.search(text):
        return gap >= GENERAL_MARGIN
    if _IF_ANY_CHILD.match(text) and not _NOW.search(text):  # "if the child asks me to...": procedure
        return gap >= GENERAL_MARGIN
    return True


def asks_what_was(question: str) -> bool:
    """Does the question ask after something past (an inverted "was/were/did" opening a clause)?"""
    return bool(_ASKS_WHAT_WAS.search(question or ""))
