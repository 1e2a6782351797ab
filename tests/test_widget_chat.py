"""The widget and chat pages server-side: tap-to-call help, urgent replies, answers by GET (so
Back never resubmits), the widget's config and theme, Check a site, and no operator
instructions on public pages."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from test_pages import soup

from assistant.settings import Settings

PARTNER = "https://partner.example"
URGENT = "I'm worried my neighbour's child is being hit at home, what should I do?"


@pytest.fixture(scope="module")
def partner_client(make_app, corpus_index):
    from fastapi.testclient import TestClient

    with TestClient(make_app(corpus_index, embed_origins=[PARTNER], embed_accent="#4c2c92")) as c:
        yield c


def test_signpost_links_accept_phone_and_email_and_refuse_the_rest():
    good = [
        {"text": "Anytown front door", "href": "tel:01234 567 890"},
        {"text": "Out of hours", "href": "tel:+44 (0)1234-567890"},
        {"text": "Email the MASH", "href": "mailto:mash@anytown.example"},
        {"text": "Web", "href": "https://anytown.example/mash"},
    ]
    links = Settings(signpost_links=good).signpost_links
    hrefs = [link.href for link in links]
    assert hrefs[:3] == ["tel:01234567890", "tel:+4401234567890", "mailto:mash@anytown.example"]
    for bad in ("tel:call-me", "tel:", "mailto:a@b.example?bcc=x@y.example", "mailto:nobody", "javascript:alert(1)"):
        with pytest.raises(ValidationError):
            Settings(signpost_links=[{"text": "x", "href": bad}])


def test_the_default_signpost_has_tap_to_call_numbers():
    hrefs = [link.href for link in Settings().signpost_links]
    assert "tel:999" in hrefs and "tel:08088005000" in hrefs


def test_accent_setting_is_checked_for_contrast():
    assert Settings(embed_accent="#4C2C92").embed_accent == "#4c2c92"
    with pytest.raises(ValidationError, match="4.5:1"):
        Settings(embed_accent="#777777")
    with pytest.raises(ValidationError, match="#rrggbb"):
        Settings(embed_accent="purple")


def test_an_urgent_reply_puts_help_first_without_search_advice(client):
    for r in (client.get("/", params={"q": URGENT}), client.get("/embed", params={"q": URGENT})):
        assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
        turn = soup(r).select_one("#latest")
        html = turn.decode()
        calls = [a["href"] for a in turn.select("aside.signpost a.signpost__call")]
        assert calls[:2] == ["tel:999", "tel:08088005000"]
        assert html.index("signpost") < html.index("turn__message")
        text = turn.get_text(" ")
        assert "rephras" not in text.lower() and "search for exact words" not in text
        assert not turn.select(".turn__missing, .missing-word, s, del")
        if turn.select("article.quote"):
            assert turn.select_one("h3.turn__report").get_text() == "What the report says"
            assert html.index("What the report says") < html.index('class="quote"')


def test_a_question_by_get_is_one_page_with_a_link_and_after(client):
    r = client.get("/", params={"q": "What does the Panel say about information sharing?"})
    page = soup(r)
    assert len(page.select("article.turn")) == 1
    link = page.select_one("#latest a.turn__link")["href"]
    assert link == "/?q=What%20does%20the%20Panel%20say%20about%20information%20sharing%3F"
    form = page.select_one("form.ask")
    assert form["method"] == "get" and form.select_one("input[name=after]")["value"].startswith("What does")
    after = "What does the Panel say about information sharing?"
    follow = client.get("/", params={"q": "and professional curiosity?", "after": after})
    page = soup(follow)
    assert len(page.select("article.turn")) == 1
    assert page.select_one("#latest .turn__interpreted") is not None
    assert "Back button" in page.select_one(".thread__back").get_text()
    empty = client.get("/", params={"q": "  "})
    assert empty.status_code == 422 and soup(empty).select_one("#error-summary")


def test_widget_config_says_who_may_embed(partner_client):
    yes = partner_client.get("/widget/config", headers={"Origin": PARTNER})
    assert yes.json()["allowed"] is True and yes.json()["accent"] == "#4c2c92"
    assert yes.headers["access-control-allow-origin"] == PARTNER
    no = partner_client.get("/widget/config", headers={"Origin": "https://elsewhere.example"})
    assert no.json()["allowed"] is False and "not on this assistant's list" in no.json()["reason"]
    assert no.headers["access-control-allow-origin"] == "*"  # readable, so the widget can say why
    scheme = partner_client.get("/widget/config", headers={"Origin": "http://partner.example"}).json()
    assert not scheme["allowed"] and "scheme" in scheme["reason"]


def test_check_a_site(partner_client):
    page = soup(partner_client.get("/embed-help", params={"site": PARTNER + "/news/page.html"}))
    assert page.select_one("#check-result").get_text(" ").strip().startswith("Allowed.")
    page = soup(partner_client.get("/embed-help", params={"site": "https://other.example"}))
    assert page.select_one("#check-result").get_text(" ").strip().startswith("Not allowed.")
    page = soup(partner_client.get("/embed-help", params={"site": "partner.example"}))
    assert "scheme://host" in page.select_one("#check-result").get_text()
    assert PARTNER not in soup(partner_client.get("/embed-help")).get_text()  # the list is never shown


def test_theme_stylesheet_colours_the_panel(partner_client):
    css = partner_client.get("/embed/theme.css", params={"accent": "#ffdd00"})
    assert css.headers["content-type"].startswith("text/css")
    assert "--accent:#ffdd00;--accent-ink:#0b0c0c" in css.text
    refused = partner_client.get("/embed/theme.css", params={"accent": "#777777"}).text
    assert "--accent:#4c2c92;--accent-ink:#ffffff" in refused  # the operator's colour instead
    page = soup(partner_client.get("/embed", params={"accent": "#ffdd00", "origin": PARTNER}))
    assert page.select_one("link[href^='/embed/theme.css']")["href"] == "/embed/theme.css?accent=%23ffdd00"


@pytest.mark.parametrize("path", ["/", "/embed", "/about", "/embed-help", "/documents", "/quotes"])
def test_public_pages_carry_no_operator_instructions(client, path):
    text = soup(client.get(path)).get_text(" ")
    assert "assistant ingest" not in text and "Running this site" not in text


def test_a_question_by_get_counts_against_the_rate_limit(make_app, corpus_index):
    from fastapi.testclient import TestClient

    with TestClient(make_app(corpus_index, rate_limit="2/minute")) as c:
        codes = [c.get("/", params={"q": "voice of the child"}).status_code for _ in range(3)]
        assert codes == [200, 200, 429]
        assert c.get("/").status_code == 200  # the empty chat costs nothing


def test_operators_read_how_to_add_the_report_in_healthz_only(client):
    notes = client.get("/healthz").json()["notes"]
    assert len(notes) == 1 and "assistant ingest" in notes[0]  # the bundled corpus is a news item
