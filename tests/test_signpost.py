"""Signposting: which questions read as a worry about a child now, the operator's settings, the API and the CLI."""

from __future__ import annotations

import pytest

from assistant.answering import signpost
from assistant.settings import SIGNPOST_TEXT, Settings

URGENT = [
    "I'm worried about a child, who do I call?",
    "I am really worried about my neighbour's son",
    "What should I do if I think a child is being abused?",
    "who do I call if a kid is in danger",
    "My stepdad is hurting me",
    "a child is in danger right now",
    "I think my friend is being hurt at home",
    "the boy next door is not safe at home tonight",
    "how do I report child abuse",
    "Where can I get help? A child is being neglected",
    "I’m scared for my niece",
    "my friends little boy has been left alone in the flat all weekend with no food",
    "who do I call about my neighbour's kids",
    "where can I report a child being hit",
    "who do I call",
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
]


@pytest.mark.parametrize("question", URGENT)
def test_urgent_phrasings_signpost(question):
    assert signpost.is_urgent(question)


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
