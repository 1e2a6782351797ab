"""Round 14: tables typed with pipes in plain text and Markdown, and a question that holds
nothing but the name of its place."""

from assistant.answering.evidence import only_names_held
from assistant.answering.terms import Terms
from assistant.ingest.formats.text import read, table_rows


def test_markdown_table_rows_are_rows_without_the_rule_line():
    text = (
        "# Terms\n\n| Term | Stands for |\n|---|:---:|\n"
        "| LADO | Local authority designated officer |\n| PAL | Professionals' Advice Line |\n"
    )
    blocks = read(text, markdown=True)
    rows = [b.text for b in blocks if b.kind == "table_row"]
    assert rows == [
        "Term | Stands for",
        "LADO | Local authority designated officer",
        "PAL | Professionals' Advice Line",
    ]
    assert not any("---" in b.text for b in blocks)


def test_typed_table_in_plain_text_keeps_one_row_a_line():
    text = (
        "ON CALL\n\nWeek beginning | Senior manager on call\n1 December 2026 | Ann Smith, service manager\n"
        "8 December 2026 | Bea Jones, head of children in care, who covers the whole borough\n"
    )
    rows = [b.text for b in read(text) if b.kind == "table_row"]
    assert rows[1:] == [
        "1 December 2026 | Ann Smith, service manager",
        "8 December 2026 | Bea Jones, head of children in care, who covers the whole borough",
    ]


def test_pipes_in_prose_are_not_a_table():
    assert table_rows(["Call us on 0100 | or write to us at the office.", "We answer within a day and a half."]) == []
    assert table_rows(["A | B", "one | two | three"]) == []  # uneven columns with no rule line
    assert table_rows(["| A | B |", "|---|---|", "| one | two | three |"]) == ["A | B", "one | two | three"]


def _terms(words: dict[str, str], propers: set[str], df: dict[str, int], **more) -> Terms:
    t = Terms(words=words, weights={}, groups=[], numbers=set(), names=[], count=False, capitals=set(propers), unseen=0)
    t.propers, t.df = propers, lambda s: df.get(s, 0)
    for name, value in more.items():
        setattr(t, name, value)
    return t


def test_only_the_place_name_held_is_no_evidence():
    t = _terms({"pothol": "pothole", "tarnburi": "tarnbury"}, {"tarnburi"}, {"tarnburi": 30})
    assert only_names_held(t, {"tarnburi"})
    # a word the documents hold, or one the passage matches by meaning, is something to answer
    assert not only_names_held(
        _terms({"lado": "lado", "tarnburi": "tarnbury"}, {"tarnburi"}, {"lado": 5, "tarnburi": 30}), {"tarnburi"}
    )
    assert not only_names_held(t, {"tarnburi", "pothol"})
    assert not only_names_held(_terms({"pothol": "pothole"}, set(), {}), set())


def test_a_rate_counts_the_word_before_its_unit():
    from assistant.answering.answertypes import count_target

    stop = frozenset("the a of per in".split())
    assert count_target("pal calls per day", stop) == ["calls"]
    assert count_target("lado caseload per officer", stop) == ["caseload"]
    assert count_target("how many visits per week", stop) == ["visits"]


def test_whom_a_phone_question_asks_the_number_of():
    from assistant.answering.answertypes import phone_whom

    assert phone_whom("whats the number for the league chairman") == "chairman"
    assert phone_whom("whats the number for the league welfare lady") == "welfare"  # the post, not "lady"
    assert phone_whom("what is the number for CAST?") == "CAST"
    assert phone_whom("what number do I ring out of hours?") == ""


def test_another_s_number_is_no_answer():
    from assistant.answering.evidence import admissible

    words = {"number": "number", "leagu": "league", "chairman": "chairman"}
    t = _terms(words, set(), {"leagu": 4, "number": 9}, rung="chairman", kind="phone")
    text = "League Welfare Officer | Maureen Tollhurst | 07700 900 361"
    got = {"number", "leagu"}
    assert not admissible(t, text, "", None, set(), set(), got, set(), {}, got, "")
    t.rung = "leagu"  # the league's number: this passage may give it
    assert admissible(t, text, "", None, set(), set(), got, set(), {}, got, "")
