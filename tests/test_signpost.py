"""Signposting: which questions read as a worry about a child now, the operator's settings, the API and the CLI."""

from __future__ import annotations

import pytest

from assistant.answering import signpost
from assistant.settings import SIGNPOST_TEXT, Settings

URGENT = [
    "I'm worried about a child, who do I call?",
    "I am really worried about my neighbour's son",
    "My stepdad is hurting me",
    "a child is in danger right now",
    "I think my friend is being hurt at home",
    "the boy next door is not safe at home tonight",
    "Where can I get help? A child is being neglected",
    "I’m scared for my niece",
    "my friends little boy has been left alone in the flat all weekend with no food",
    "who do I call about my neighbour's kids",
    "where can I report a child being hit",
    # Whom to turn to, with danger named: even supposed, this is how someone facing it asks.
    "who do I call if a kid is in danger",
    "it's an emergency, a toddler is wandering alone by the main road",
    "emergency duty team number please, my neighbour's children are alone",
    # Harm going on to someone the asker knows, whatever the question then asks of the documents.
    "My little sister says our stepdad hits her, what does the report say about that?",
    "my mates dad kicks him when he gets home late",
]
NOT_URGENT = [
    "What does the report say about children in danger of exploitation?",
    "What does the Panel say about information sharing?",
    "How many serious incident notifications were there in 2020?",
    "Why does the voice of the child matter?",
    "What should practitioners do about professional curiosity?",
    "According to the report, which children are being harmed most often?",
    "What are the three important messages in the report?",
    "What did the review find about babies at risk?",
    # Procedure asked of any child, not a child the asker knows (a practitioner's question).
    "what should I do the same day if a family misses a health visiting contact",
    "who should I tell if the child already has a social worker",
    # "Emergency" naming a service, asked about how it works.
    "When must emergency department staff complete their safeguarding training?",
    "How does emergency planning cover children in temporary accommodation?",
    # Harm in a case the documents tell, or said of no one the asker knows.
    "In the review, did the stepdad hit her before the baby was born?",
    "What does the guidance say when a parent hits them as a punishment?",
]
# A bare next step or report, naming no child and no harm now: the rules alone signpost it (there
# is no vector to read it by); with the meaning, which reads it as asking for the procedure, an
# answer quoting the procedure carries none (a refusal always does).
BARE_NEXT_STEP = [
    "who do I call",
    "how do I report child abuse",
    "What should I do if I think a child is being abused?",
]


@pytest.mark.parametrize("question", URGENT)
def test_urgent_phrasings_signpost(question):
    assert signpost.is_urgent(question)


@pytest.mark.parametrize("question", BARE_NEXT_STEP)
def test_a_bare_next_step_signposts_unless_the_meaning_reads_procedure(question):
    assert signpost.is_urgent(question)  # no vector: when in doubt, signpost
    assert signpost.is_urgent(question, worry_by_meaning=True)
    assert not signpost.is_urgent(question, worry_by_meaning=False)


@pytest.mark.parametrize("question", NOT_URGENT)
def test_questions_about_the_documents_do_not(question):
    assert not signpost.is_urgent(question)


def test_every_abstention_and_every_urgent_question_gets_the_signpost():
    s = Settings()
    assert signpost.for_answer(s, "What does the Panel say about information sharing?", True) is None
    assert signpost.for_answer(s, "What does the Panel say about information sharing?", False)["text"] == SIGNPOST_TEXT
    sp = signpost.for_answer(s, "I'm worried about a child", True)
    assert "999" in sp["text"] and "0808 800 5000" in sp["text"]
    assert [link["href"] for link in sp["links"]][:3] == [
        "tel:999",
        "tel:08088005000",
        "https://www.gov.uk/report-child-abuse-to-local-council",
    ]


def test_operators_replace_it_and_only_web_links_pass(monkeypatch):
    monkeypatch.setenv("ASSISTANT_SIGNPOST_TITLE", "Worried about a child in Anytown?")
    monkeypatch.setenv(
        "ASSISTANT_SIGNPOST_LINKS", '[{"text": "Anytown front door", "href": "https://anytown.example/mash"}]'
    )
    sp = signpost.from_settings(Settings())
    assert sp["title"] == "Worried about a child in Anytown?"
    assert sp["links"] == [{"text": "Anytown front door", "href": "https://anytown.example/mash"}]
    from pydantic import ValidationError

    for bad in ("javascript:alert(1)", "data:text/html,hi", "//evil.example", "ftp://x.example"):
        monkeypatch.setenv("ASSISTANT_SIGNPOST_LINKS", f'[{{"text": "x", "href": "{bad}"}}]')
        with pytest.raises(ValidationError, match="https://|tel:|mailto:"):
            Settings()


def test_the_api_carries_signpost_and_missing(client):
    body = client.post("/api/ask", json={"question": "I'm worried about a child, who do I call?"}).json()
    assert body["signpost"]["title"] and body["signpost"]["links"]
    assert body["missing"] == [] or all(isinstance(w, str) for w in body["missing"])
    plain = client.post("/api/ask", json={"question": "What does the Panel say about weak information sharing?"}).json()
    assert plain["answered"] and plain["signpost"] is None


def test_the_no_js_chat_shows_it_above_the_quotes(client):
    from bs4 import BeautifulSoup

    page = client.post(
        "/", data={"question": "What should I do if I think a child is being abused?"}, headers={"accept": "text/html"}
    )
    soup = BeautifulSoup(page.text, "html.parser")
    turn = soup.select_one("article.turn")
    aside = turn.select_one("aside.signpost")
    assert "999" in aside.get_text()
    quote = turn.select_one("article.quote")
    if quote is not None:  # above any quote
        assert turn.decode().index("signpost") < turn.decode().index('class="quote"')


def test_a_bad_signpost_setting_is_a_readable_cli_error(tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, ASSISTANT_SIGNPOST_LINKS='[{"text": "x", "href": "javascript:alert(1)"}]')
    r = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "hello", "--index", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 2
    assert "signpost_links" in r.stderr and "https://" in r.stderr and "Traceback" not in r.stderr


def test_cli_ask_prints_the_signpost_first(corpus_index):
    import json
    import os
    import subprocess
    import sys

    args = [
        sys.executable,
        "-m",
        "assistant",
        "ask",
        "I'm worried about a child, who do I call?",
        "--index",
        str(corpus_index),
    ]
    r = subprocess.run(args, capture_output=True, text=True, env=dict(os.environ), timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("If you are worried about a child\n") and "999" in r.stdout.splitlines()[1]
    r = subprocess.run([*args, "--json"], capture_output=True, text=True, env=dict(os.environ), timeout=300)
    assert json.loads(r.stdout)["signpost"]["links"][0]["href"] == "tel:999"


# By meaning (urgency.py): descriptions of harm to a child now that none of the rules catch,
# and questions about the documents or a case they tell, in words none of the prototypes use.
WORRY_BY_MEANING = [
    "toddler standing on a balcony rail three floors up, nobody home",
    "my neighbours baby has been screaming since morning and no one answers the door",
    "lad at the chippy has a black eye and says his stepdad did it, he wont go back",
    "saw a dad kick his little girl at the bus stop",
    "there kids r home alone again no heating no food",
    "my 11 year old is being blackmailed over photos online",
    "a girl of about ten is begging outside the station at midnight",
    "the children in flat 4 have burn marks and their mother screams at them",
    # harm by an adult of a club or a group, now
    "a volunteer at the club grabbed a boy by the neck today",
]
READING_BY_MEANING = [
    "Which review described a toddler found alone in a flat?",
    "What did the reviewers conclude about the mother's new partner?",
    "How many of the children who died were under one year old?",
    "What are the signs that a teenager is being criminally exploited?",
    "Summarise the practice theme on physical abuse of babies",
    "In which case was a child burnt by a parent?",
    "What happened when the child told her teacher about the bruises?",
    "Why had the health visitor not seen the baby for months?",
    "what did the review say about the baby left in the car",
    "Who did the school tell about the girl's injuries?",
    # Procedure asked of any child, and a case the asker read about.
    "if a pupil tells me something and says not to tell anyone can I promise that",
    "It was hard reading about the boy who slept in the car, did anyone check on him?",
    # The public asking what a club's or a charity's page says: costs, contacts, rules.
    "is there a number i can text, i really dont want to call anyone",
    "who do i report a coach to if he swears at the kids?",
]


@pytest.fixture(scope="module")
def meaning_vectors(embedder):
    questions = WORRY_BY_MEANING + READING_BY_MEANING
    return dict(zip(questions, embedder.encode(questions), strict=True))


@pytest.mark.model
@pytest.mark.parametrize("question", WORRY_BY_MEANING)
def test_a_worry_told_without_the_rules_words_is_signposted_by_meaning(question, embedder, meaning_vectors):
    assert signpost.urgent_by_meaning(question, meaning_vectors[question], embedder)  # meaning alone
    assert signpost.for_answer(Settings(), question, True, meaning_vectors[question], embedder) is not None


@pytest.mark.model
@pytest.mark.parametrize("question", READING_BY_MEANING)
def test_a_question_about_the_documents_is_not_signposted_by_meaning(question, embedder, meaning_vectors):
    assert signpost.for_answer(Settings(), question, True, meaning_vectors[question], embedder) is None


@pytest.mark.model
def test_the_rules_phrasings_hold_with_meaning_added(embedder):
    asked = NOT_URGENT + URGENT + BARE_NEXT_STEP
    for question, vec in zip(asked, embedder.encode(asked), strict=True):
        shown = signpost.for_answer(Settings(), question, True, vec, embedder) is not None
        assert shown == (question in URGENT), question


@pytest.mark.model
def test_citing_the_documents_reads_unless_the_asker_is_worried_now(embedder):
    from assistant.answering import urgency

    reading = [
        "what does the guidance say about a baby crying alone in a locked car",
        "What does the report say I should look for when a baby has a bruise?",
        "I read the review about the baby who was shaken, why did nobody notice?",
    ]
    worried = [
        "my neighbour's baby is crying alone in a locked car right by me, what does the guidance say",
        "My little sister says our stepdad hits her, what does the report say about that?",
    ]
    for question, vec in zip(reading + worried, embedder.encode(reading + worried), strict=True):
        assert signpost.about_documents(question)
        # The rules or the meaning read the worried as a worry (the stepdad question sits at the
        # meaning's margin, 0.028 against 0.03 with transformers 5.25: the rules now catch it).
        worry = signpost.is_urgent(question) or urgency.reads_as_worry(question, vec, embedder, True)
        assert worry == (question in worried), question


@pytest.mark.model
def test_prototypes_are_encoded_once_per_model(embedder):
    from assistant.answering import urgency

    first = urgency.prototypes(embedder)
    assert urgency.prototypes(embedder)[0] is first[0]
    assert first[0].shape == (len(urgency.WORRY), embedder.dimensions)


@pytest.mark.model
def test_the_assistant_signposts_a_worry_it_answers(assistant):
    worry = assistant.ask("toddler standing on a balcony rail three floors up, nobody home")
    assert worry.signpost is not None
    reading = assistant.ask("What does the Panel say about weak information sharing?")
    assert reading.answered and reading.signpost is None


def test_without_a_vector_or_with_the_fake_model_only_the_rules_decide():
    from assistant.encoding.embeddings import Embedder

    fake = Embedder(encoder="fake")
    q = "saw a dad kick his little girl at the bus stop"
    assert signpost.for_answer(Settings(), q, True) is None
    assert not signpost.urgent_by_meaning(q, fake.encode([q])[0], fake)
    assert signpost.for_answer(Settings(), "I'm worried about a child", True) is not None


@pytest.mark.model
def test_a_follow_up_fragment_needs_a_clearer_worry_by_meaning(embedder):
    fragment = "and what about if she's got the kids with her"
    vec = embedder.encode([fragment])[0]
    from assistant.answering import urgency

    assert urgency.reads_as_worry(fragment, vec, embedder, False, learned=False)  # alone, the prototypes' worry
    assert signpost.for_answer(Settings(), fragment, True, vec, embedder, follow_up=True) is None
    now = "and he's got the kids with him right now and he's been drinking"
    vec = embedder.encode([now])[0]
    assert signpost.for_answer(Settings(), now, True, vec, embedder, follow_up=True) is not None


# Questions about procedure from someone close to a child, in words the prototypes read as a
# worry; the learned reader (worrymodel.py) vetoes them.
PROCEDURE_BY_KIN = [
    "the lad in my tutor group is moving to a care home across the county, can he keep his school",
    "my nephew has been arrested for carrying for older lads, does he get a record",
    "how do gangs use children to move drugs, I need a list for the coaches",
]


@pytest.mark.model
def test_the_learned_reader_vetoes_procedure_the_prototypes_read_as_worry(embedder):
    from assistant.answering import urgency

    for question, vec in zip(PROCEDURE_BY_KIN, embedder.encode(PROCEDURE_BY_KIN), strict=True):
        assert urgency.reads_as_worry(question, vec, embedder, False, learned=False), question
        assert not urgency.reads_as_worry(question, vec, embedder, False), question
        assert signpost.for_answer(Settings(), question, True, vec, embedder) is None, question


# A worry told in one sentence of several: a claim heard, then what the asker sees now, then a
# question. The whole reads less like a worry than its middle sentence does.
TOLD_AMONG_OTHERS = [
    "A colleague told me teenagers in care often go missing for fun. A boy of about twelve just climbed into a "
    "van with two grown men by the chip shop and looked frightened. Is that any of my business?",
]
# Several sentences about procedure or the asker's situation, none a worry now.
SITUATION_THEN_QUESTION = [
    "I look after my dad because he is ill. Is there a group for young carers like me?",
    "My nephew has come to stay with me while his mum is in hospital. Do I need to tell the council?",
]


@pytest.mark.model
def test_a_worry_told_in_one_sentence_of_several_is_signposted(embedder):
    for question, vec in zip(TOLD_AMONG_OTHERS, embedder.encode(TOLD_AMONG_OTHERS), strict=True):
        assert signpost.for_answer(Settings(), question, True, vec, embedder) is not None, question
    for question, vec in zip(SITUATION_THEN_QUESTION, embedder.encode(SITUATION_THEN_QUESTION), strict=True):
        assert signpost.for_answer(Settings(), question, True, vec, embedder) is None, question


# A claim someone told about no one in particular, checked: information asked, not a worry now.
# A worry told beside the claim, or a claim about someone the asker knows, still reads as one.
GENERAL_CLAIMS_CHECKED = [
    "My neighbour at the allotment says the law lets kids stay home alone from age 11. Is that the law?",
    "Someone in the staff room said babies can be left in the car for ten minutes. Is that right?",
]


@pytest.mark.model
def test_a_general_claim_checked_is_not_a_worry(embedder):
    for question, vec in zip(GENERAL_CLAIMS_CHECKED, embedder.encode(GENERAL_CLAIMS_CHECKED), strict=True):
        assert signpost.for_answer(Settings(), question, True, vec, embedder) is None, question
    for question, vec in zip(TOLD_AMONG_OTHERS, embedder.encode(TOLD_AMONG_OTHERS), strict=True):
        assert signpost.for_answer(Settings(), question, True, vec, embedder) is not None, question


@pytest.mark.model
def test_a_follow_up_about_a_case_the_quotes_tell_is_not_signposted(embedder):
    first = "Folk at the bus stop say the dad in the Child Heron case walked free. Is that so?"
    then = "And where is the wee boy staying these days?"
    quoted = "Child Heron is what the review calls a boy of three. He now lives with his grandparents."
    vec = embedder.encode([then])[0]
    merged = f"{first} {then}"
    assert signpost.for_answer(Settings(), then, True, vec, embedder, quoted, True, merged) is None
