"""Results grouped by report: each document's best quote first, the rest under "N more from this report"."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

QUESTION = "Where do kestrels hunt for voles?"
TOWN = """# Kestrels in towns

## Hunting on verges

Kestrels hunt for voles along motorway verges, hovering above the long grass.

## Hunting on playing fields

In towns, kestrels also hunt for voles and beetles over playing fields and parks.

## Nesting

Town kestrels nest on ledges of tall buildings and in old crows' nests.
"""
SURVEY = """# Farmland bird survey

## Kestrels

On farmland, kestrels hunt for voles over rough field margins and hedgerows.

## Skylarks

Skylarks sing high above open fields of winter wheat.
"""


@pytest.fixture(scope="module")
def two_reports(build_index, tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-reports")
    (folder / "town.md").write_text(TOWN, encoding="utf-8")
    (folder / "survey.md").write_text(SURVEY, encoding="utf-8")
    return build_index([folder], "two-reports-index")


@pytest.fixture(scope="module")
def grouped_app(make_app, two_reports):
    return make_app(two_reports, k=5, min_confidence=0.05, reload_poll_seconds=0)


def test_each_reports_best_quote_comes_first_and_the_rest_fold(grouped_app):
    with TestClient(grouped_app) as c:
        answer = c.post("/api/ask", json={"question": QUESTION}).json()
        html = c.get("/", params={"q": QUESTION}).text
    docs = list(dict.fromkeys(q["document"]["id"] for q in answer["quotes"]))
    assert len(docs) == 2 and answer["answered"]
    turn = BeautifulSoup(html, "html.parser").select_one("article.turn")
    groups = turn.select("ol.quotes > li.quote-group")
    assert len(groups) == 2 and turn.select("details.quote-group__more")  # one report has more than one
    for doc, group in zip(docs, groups, strict=True):
        mine = [q for q in answer["quotes"] if q["document"]["id"] == doc]
        best = group.find("article", class_="quote", recursive=False)
        assert best["data-quote-id"] == mine[0]["id"]  # the answer's order: its best first
        more = group.find("details", recursive=False)
        if len(mine) == 1:
            assert more is None
            continue
        assert more.summary.get_text(" ", strip=True).startswith(f"{len(mine) - 1} more from this report")
        assert [a["data-quote-id"] for a in more.select("article.quote")] == [q["id"] for q in mine[1:]]
    # Every quote of the answer is on the page once; the feedback form still names them all.
    assert sorted(a["data-quote-id"] for a in turn.select("article.quote")) == sorted(q["id"] for q in answer["quotes"])


def test_more_from_this_report_opens_by_keyboard(page, grouped_app, serve, axe, screenshots):
    base = serve(grouped_app)
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(f"{base}/?q={QUESTION}")
    summary = page.locator("details.quote-group__more > summary").first
    hidden = page.locator("details.quote-group__more article.quote").first
    assert summary.is_visible() and not hidden.is_visible()
    axe(page)
    summary.focus()
    page.keyboard.press("Enter")
    assert hidden.is_visible()
    axe(page)
    summary.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "grouped-results-375.png"))
