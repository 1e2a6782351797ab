"""Widget profiles over the fake index: a partner's widget and its page's own scripts get quotes
from its profile only, whatever filter they send; its daily cap; its title, accent and suggested
questions; a bad profiles file is a readable error (settings and `assistant serve`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from pydantic import ValidationError

from assistant.settings import Settings

PARTNER = "https://riverside.example"  # profile: the two Riverside documents
OPEN = "https://open.example"  # allowed, no profile
PROFILE = f"""
["{PARTNER}"]
title = "Ask Riverside's reviews"
accent = "#00703c"
documents = ["riverside-review", "training-notes"]
questions = ["How many rapid reviews did the partnership complete?", "What did delegates ask for?"]
"""
RIVERSIDE = {"riverside-review", "training-notes"}
NEGLECT = "What is neglect? persistent failure to meet basic needs"  # answered by neglect-guidance only
CURIOSITY = "What did reviews find about professional curiosity?"  # answered by riverside-review


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


@pytest.fixture(scope="module")
def profiles_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("profiles") / "profiles.toml"
    path.write_text(PROFILE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def scoped(make_app, corpus_index, profiles_file):
    app = make_app(corpus_index, embed_origins=[PARTNER, OPEN], widget_profiles=profiles_file)
    with TestClient(app) as c:
        yield c


def quoted_documents(data: dict) -> set[str]:
    return {q["document"]["id"] for q in data.get("quotes") or data.get("results") or []}


def page_documents(response) -> set[str]:
    links = soup(response).select("article.quote a[href^='/documents/']")
    assert all(re.match(r"/documents/[\w-]+[/?#]", a["href"]) for a in links)
    return {re.match(r"/documents/([\w-]+)", a["href"]).group(1) for a in links}


WIDER = [None, {}, {"documents": ["neglect-guidance"]}, {"kinds": ["guidance"]}, {"publishers": ["Lantern Trust"]}]


@pytest.mark.parametrize("filters", WIDER)
def test_a_partner_page_calling_the_api_gets_quotes_from_its_profile_only(scoped, filters):
    body = {"question": NEGLECT} | ({"filters": filters} if filters is not None else {})
    if not filters:  # unscoped, the guidance answers: the profile is what keeps it out below
        assert "neglect-guidance" in quoted_documents(scoped.post("/api/ask", json=body).json())
    data = scoped.post("/api/ask", json=body, headers={"Origin": PARTNER}).json()
    assert quoted_documents(data) <= RIVERSIDE
    assert data["scope"]["documents"] <= 2
    search = {"q": "neglect", "mode": "words"} | ({"filters": filters} if filters else {})
    data = scoped.post("/api/search", json=search, headers={"Origin": PARTNER}).json()
    assert quoted_documents(data) <= RIVERSIDE


def test_the_profile_still_answers_inside_it(scoped):
    data = scoped.post("/api/ask", json={"question": CURIOSITY}, headers={"Origin": PARTNER}).json()
    assert data["answered"] and "riverside-review" in quoted_documents(data) <= RIVERSIDE
    narrower = {"question": CURIOSITY, "filters": {"documents": ["training-notes"]}}
    data = scoped.post("/api/ask", json=narrower, headers={"Origin": PARTNER}).json()
    assert quoted_documents(data) <= {"training-notes"} and data["scope"]["documents"] == 1
    # Another allowed origin without a profile, and the assistant's own pages, are not narrowed.
    data = scoped.post("/api/ask", json={"question": NEGLECT}, headers={"Origin": OPEN}).json()
    assert "neglect-guidance" in quoted_documents(data)


def test_facets_documents_and_context_stay_inside_the_profile(scoped, index):
    facets = scoped.get("/api/facets", headers={"Origin": PARTNER}).json()
    assert facets["documents"] == 2
    assert scoped.get("/api/facets", params={"kinds": "guidance"}, headers={"Origin": PARTNER}).json()["documents"] == 0
    assert scoped.get("/api/documents/neglect-guidance/text", headers={"Origin": PARTNER}).status_code == 404
    assert scoped.get("/api/documents/riverside-review/text", headers={"Origin": PARTNER}).status_code == 200
    outside = next(p.id for p in index.passages if p.doc_id == "neglect-guidance")
    assert scoped.get(f"/api/passages/{outside}/context", headers={"Origin": PARTNER}).status_code == 404
    assert scoped.get(f"/api/passages/{outside}/context").status_code == 200
    item = {"doc_id": "neglect-guidance", "start": 0, "end": 40}
    assert scoped.post("/api/export", json={"items": [item]}, headers={"Origin": PARTNER}).status_code == 404
    form = {"items": '[["neglect-guidance", 0, 40]]', "format": "txt"}
    assert scoped.post("/quotes/export", data=form, headers={"Origin": PARTNER}).status_code == 404
    assert scoped.post("/quotes/export", data=form).status_code == 200
    search = {"q": "neglect", "mode": "words", "document": "neglect-guidance"}
    assert scoped.post("/api/search", json=search, headers={"Origin": PARTNER}).status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"documents": "neglect-guidance"},
        {"documents": "neglect-guidance,riverside-review"},
        {"kinds": "guidance"},
        {"publishers": "Lantern Trust"},
    ],
)
def test_the_embed_page_answers_from_the_profile_only(scoped, params):
    r = scoped.get("/embed", params={"origin": PARTNER, "q": NEGLECT, **params})
    assert r.status_code == 200
    assert page_documents(r) <= RIVERSIDE
    assert "frame-ancestors 'self' https://riverside.example;" in r.headers["content-security-policy"] + ";"
    # Posted by the partner page itself (its Origin), naming no origin and a wider filter.
    form = {"q": NEGLECT, "question": NEGLECT, **params}
    r = scoped.post("/embed", data=form, headers={"Origin": PARTNER})
    assert page_documents(r) <= RIVERSIDE
    # Drawn by the chat script inside the frame, which names the frame's partner.
    filters = {k: v.split(",") for k, v in params.items()}
    turns = {"questions": [NEGLECT], "compact": True, "origin": PARTNER, "filters": filters}
    r = scoped.post("/fragments/turns", json=turns)
    assert r.status_code == 200 and page_documents(r) <= RIVERSIDE
    r = scoped.post("/fragments/turns", json=turns | {"origin": None}, headers={"Origin": PARTNER})
    assert page_documents(r) <= RIVERSIDE


def test_an_unscoped_embed_page_may_not_be_framed_by_a_profiled_partner(scoped):
    policy = scoped.get("/embed").headers["content-security-policy"]
    ancestors = policy.split("frame-ancestors", 1)[1]
    assert PARTNER not in ancestors and OPEN in ancestors
    policy = scoped.get("/embed", params={"origin": OPEN}).headers["content-security-policy"]
    assert PARTNER not in policy.split("frame-ancestors", 1)[1]
    # Unscoped, the same question is answered from the guidance: the profile made the difference.
    assert "neglect-guidance" in page_documents(scoped.get("/embed", params={"q": NEGLECT}))


def test_the_widget_narrows_by_its_data_attributes(scoped, client):
    r = scoped.get("/embed", params={"origin": PARTNER, "documents": "training-notes", "q": CURIOSITY})
    assert page_documents(r) <= {"training-notes"}
    page = soup(r)
    carried = page.select_one("form.ask input[name=documents]")
    assert carried["value"] == "training-notes" and carried.has_attr("data-list")
    # Without a profile the attributes narrow too (they never widen anything).
    r = client.get("/embed", params={"documents": "neglect-guidance,safer-sleep", "q": CURIOSITY})
    assert page_documents(r) <= {"neglect-guidance", "safer-sleep"}
    bad = client.get("/embed", params={"kinds": "novels"})
    assert "The filter is not valid" in soup(bad).select_one("#error-summary").get_text()


def test_the_profile_gives_the_widget_its_title_accent_and_questions(scoped):
    page = soup(scoped.get("/embed", params={"origin": PARTNER, "title": "Page's own title", "accent": "#4c2c92"}))
    assert page.select_one("h1.embed__title").get_text(strip=True) == "Ask Riverside's reviews"
    assert page.select_one("link[href^='/embed/theme.css']")["href"] == "/embed/theme.css?accent=%2300703c"
    said = page.select_one("#coverage").get_text(" ", strip=True)
    assert said.startswith("Here, this assistant answers from 2 documents") and "Lantern" not in said
    suggested = [b.get_text(strip=True) for b in page.select("#examples button[name=q]")]
    assert suggested == ["How many rapid reviews did the partnership complete?", "What did delegates ask for?"]
    config = scoped.get("/widget/config", headers={"Origin": PARTNER}).json()
    assert config["allowed"] and config["profile"] == {"title": "Ask Riverside's reviews", "accent": "#00703c"}
    assert "profile" not in scoped.get("/widget/config", headers={"Origin": OPEN}).json()


def test_the_daily_cap_answers_a_readable_429(make_app, corpus_index, tmp_path):
    path = tmp_path / "profiles.toml"
    path.write_text(PROFILE + "daily_cap = 3\n", encoding="utf-8")
    with TestClient(make_app(corpus_index, embed_origins=[PARTNER], widget_profiles=path)) as c:
        ask = {"question": CURIOSITY}
        assert c.post("/api/ask", json=ask, headers={"Origin": PARTNER}).status_code == 200
        assert c.get("/embed", params={"origin": PARTNER, "q": CURIOSITY}).status_code == 200
        turns = {"questions": [CURIOSITY], "compact": True, "origin": PARTNER}
        assert c.post("/fragments/turns", json=turns).status_code == 200
        over = c.post("/api/ask", json=ask, headers={"Origin": PARTNER})
        assert over.status_code == 429 and 0 < int(over.headers["retry-after"]) <= 86400
        assert "answered its 3 questions for today" in over.json()["detail"]
        page = c.get("/embed", params={"origin": PARTNER, "q": CURIOSITY}, headers={"Accept": "text/html"})
        assert page.status_code == 429
        assert "answered its 3 questions for today" in soup(page).select_one("#error-summary").get_text()
        assert not soup(page).select("article.quote")
        assert c.post("/fragments/turns", json=turns).status_code == 429
        # The cap is the partner's: the assistant's own pages and other callers are not limited by it.
        assert c.post("/api/ask", json=ask).status_code == 200
        assert c.get("/", params={"q": CURIOSITY}).status_code == 200


BAD_FILES = [
    (f'["{PARTNER}"]\nkinds = ["novel"]\n', [PARTNER, "kinds"]),
    (f'["{PARTNER}"]\naccent = "#777777"\n', [PARTNER, "accent", "4.5:1"]),
    (f'["{PARTNER}"]\ndaily_cap = 0\n', [PARTNER, "daily_cap"]),
    (f'["{PARTNER}"]\ncolour = "red"\n', [PARTNER, "colour"]),
    ('["https://elsewhere.example"]\ntitle = "x"\n', ["https://elsewhere.example", "ASSISTANT_EMBED_ORIGINS"]),
    ('["partner.example"]\ntitle = "x"\n', ["partner.example", "scheme://host"]),
    (f'["{PARTNER}"\ntitle = "x"\n', ["not valid TOML"]),
]


@pytest.mark.parametrize(("text", "words"), BAD_FILES)
def test_a_bad_profiles_file_names_the_origin_and_field(tmp_path, text, words):
    path = tmp_path / "profiles.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        Settings(embed_origins=[PARTNER], widget_profiles=path)
    message = str(caught.value)
    for word in words:
        assert word in message


def test_serve_refuses_a_bad_profiles_file_readably(tmp_path):
    path = tmp_path / "profiles.toml"
    path.write_text(f'["{PARTNER}"]\ntitle = "Riverside"\nyear_from = "last year"\n', encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    env = dict(
        os.environ,
        PYTHONPATH=str(root),
        ASSISTANT_EMBED_ORIGINS=f'["{PARTNER}"]',
        ASSISTANT_WIDGET_PROFILES=str(path),
        ASSISTANT_INDEX=str(tmp_path / "index"),
        ASSISTANT_ENCODER="fake",
    )
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "serve", "--no-build", "--port", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert PARTNER in run.stderr and "year_from" in run.stderr and str(path) in run.stderr


def test_the_scoped_widget_still_quotes_its_own_documents(scoped):
    r = scoped.get("/embed", params={"origin": PARTNER, "q": CURIOSITY})
    assert "riverside-review" in page_documents(r) <= RIVERSIDE
    wider = {"documents": ["neglect-guidance"]}
    turns = {"questions": [CURIOSITY], "compact": True, "origin": PARTNER, "filters": wider}
    r = scoped.post("/fragments/turns", json=turns)
    assert page_documents(r) == set() and "No document matches this filter" in r.text
    turns["filters"] = {}
    r = scoped.post("/fragments/turns", json=turns)
    assert "riverside-review" in page_documents(r) <= RIVERSIDE
    # The thread's own forms carry the partner's origin, so a next question stays in its frame.
    assert all(i["value"] == PARTNER for i in soup(r).select("input[name=origin]"))


def test_a_plain_frame_on_a_profiled_site_is_scoped_by_its_referrer(scoped):
    r = scoped.get("/embed", params={"q": NEGLECT}, headers={"Referer": PARTNER + "/reviews/page.html"})
    assert page_documents(r) <= RIVERSIDE
    assert "frame-ancestors 'self' https://riverside.example" in r.headers["content-security-policy"]
    page = soup(r)
    assert page.body["data-parent-origin"] == PARTNER and not page.select("[data-action=close]")
    # A referrer from elsewhere changes nothing.
    r = scoped.get("/embed", params={"q": NEGLECT}, headers={"Referer": "https://elsewhere.example/"})
    assert "neglect-guidance" in page_documents(r)
    assert "data-parent-origin" not in r.text
