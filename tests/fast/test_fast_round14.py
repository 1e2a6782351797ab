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


def test_the_form_of_a_quotation_and_the_writing_it_is_for_are_not_asked_of_a_passage():
    from assistant.answering.leadin import quoting_words

    assert {"line", "use"} <= quoting_words("Is there a line I can use about seeing the child alone?")
    assert {"sentence"} <= quoting_words("give me the sentence on naming every man in the household")
    assert {"something", "reference"} <= quoting_words("how often is supervision? I need something I can reference")
    assert {"evidence"} <= quoting_words("evidence that more children are seen alone?")
    assert {"extent"} <= quoting_words("To what extent do the standards define professional curiosity?")
    # the kind of writing, not its topic: "ASYE" and "supervision" stay words of the question
    assert "portfolio" in quoting_words("For my ASYE portfolio I need the wording on supervision")
    assert "asye" not in quoting_words("For my ASYE portfolio I need the wording on supervision")
    assert {"writing", "policy"} <= quoting_words("writing our team's supervision policy, a line on thinking")
    assert "supervision" not in quoting_words("writing our team's supervision policy, a line on thinking")
    # a label before a colon names the writing; of "essay on fathers:" the topic stays
    assert {"paper", "icb", "board"} <= quoting_words("paper for the ICB board: did the GP know the partner?")
    assert "fathers" not in quoting_words("essay on fathers: give me the sentence on naming every man")


def test_a_phone_line_and_the_document_asked_about_stay_words_of_the_question():
    from assistant.answering.leadin import quoting_words

    assert quoting_words("what is the lado line on about allegations") == set()
    assert quoting_words("what shouldn't go in the letter") == set()  # the document's letter
    assert quoting_words("a plain definition of safeguarding for the policy's opening") == set()
    assert quoting_words("what does the annual report say about fathers") == set()


def test_writing_up_for_a_day_s_paper_and_a_sentence_that_sums_up_are_how_to_quote():
    from assistant.answering.leadin import quoting_words

    asked = "I'm writing up the Child Dunnock review for Thursday's paper and need one sentence that sums up the gaps"
    assert {"writing", "thursday", "paper", "sentence", "sums"} <= quoting_words(asked)
    assert {"dunnock", "review", "gaps"}.isdisjoint(quoting_words(asked))
    assert "council" not in quoting_words("for the council's report on neglect")


def test_the_case_a_topic_is_asked_in_is_named_by_its_pseudonym_not_a_word_of_the_topic():
    from assistant.answering.aspects import topic

    asked = "what did the review find about supervision in the Dunnock case? need it for an exam question"
    assert [t.strip() for t in topic(asked, True)] == ["supervision"]
    assert [t.strip() for t in topic("what does the report say about neglect in Teasel's review", True)] == ["neglect"]
    assert [t.strip() for t in topic("what does the report say about online harm", True)] == ["online harm"]


def test_setting_an_exam_question_and_wanting_to_quote_are_how_the_words_are_wanted():
    from assistant.answering.leadin import quoting_words

    asked = "setting an exam question and I'd like a citable sentence on writing records to the child"
    assert {"setting", "exam", "question", "citable", "sentence"} <= quoting_words(asked)
    assert {"records", "child"}.isdisjoint(quoting_words(asked))
    assert "quote" in quoting_words("I want to quote the rights page on children going to their own meetings")


def test_the_bit_after_or_before_that_asks_a_place_in_the_text():
    from assistant.answering.adjacent import step_asked

    assert step_asked("the bit after that") == 1
    assert step_asked("and the bit after that one?") == 1
    assert step_asked("the next key message please") == 1
    assert step_asked("and the sentence before that") == -1
    assert step_asked("the previous paragraph") == -1
    assert step_asked("when's the next one of these dashboards out") == 0
    assert step_asked("and after the first conference?") == 0


def test_the_sentence_after_the_last_answer_is_quoted_with_its_mark(assistant):
    """The notes' first paragraph, then 'the bit after that': the next sentence of the notes."""
    first = assistant.ask("What did trainers ask delegates to describe at the Riverside training day?")
    assert first.answered and first.quotes[0].document.id == "training-notes"
    after = assistant.ask("the bit after that", history=[first.question])
    assert after.answered and after.quotes[0].document.id == "training-notes"
    q = after.quotes[0]
    marked = [q.text[s:e] for s, e in q.highlights]
    shown = [first.quotes[0].text[s:e] for s, e in first.quotes[0].highlights]
    assert marked and marked[0] not in shown  # the sentence after the one marked before
    start = first.quotes[0].start + first.quotes[0].highlights[-1][1]
    assert q.start + q.highlights[0][0] >= start
    assert after.interpreted_as and first.question in after.interpreted_as


def test_the_task_of_how_someone_does_a_thing_is_what_the_quotes_must_speak_of():
    from assistant.answering.aspects import task

    assert task("how does someone complain about a police officer?") == "complain"
    assert task("how does a parent appeal against the decision") == "appeal"
    assert task("can anyone refer a child") == "refer"
    assert task("how does she get help") == ""  # a light verb


def test_the_thing_s_own_name_is_not_the_person_who_does_the_deed():
    from assistant.answering.people import _does_deed

    deed = (frozenset({"manages", "manage"}), "voicebox", False)
    assert not _does_deed(deed, "Voicebox Calderholme provides advocates who are free.", "", {})
    assert _does_deed(deed, "Voicebox is run by Amara Okafor, its director.", "", {})


def test_asking_where_a_thing_is_said_is_how_to_quote():
    from assistant.answering.leadin import quoting_words

    assert {"paragraph", "says"} <= quoting_words("Is that right, and which paragraph says so?")
    assert {"page", "numbers"} <= quoting_words("and the page for that? my tutor is strict about page numbers")
    assert "page" in quoting_words("what page is that on")
    assert quoting_words("which section is ours") == set()  # a section of the audit, asked about


def test_when_a_number_is_rung_is_not_whose_it_is():
    from assistant.answering.answertypes import phone_whom

    assert phone_whom("What is the number for adult social care out of hours?") == "care"
    assert phone_whom("number for the duty team at night") == "team"


def test_a_run_of_the_bit_after_that_is_followed_a_bounded_number_of_steps():
    from assistant.answering.adjacent import MAX_STEPS, steps_back

    assert steps_back(["what did trainers ask?", "the bit after that", "and the bit after that one?"]) == 2
    assert steps_back(["what did trainers ask?"]) == 0
    assert MAX_STEPS <= 10  # each step re-asks one question


def test_letting_someone_know_is_telling_not_a_word_to_find():
    from assistant.answering.leadin import idiom_words

    assert {"letting", "know"} <= idiom_words("wording about the police letting us know after domestic abuse")
    assert idiom_words("what do the police know about the family") == set()


def test_a_nursery_is_held_by_what_is_said_of_early_years_providers():
    from assistant.answering import glossary
    from assistant.index.lexical import token_set, tokenize

    gloss = glossary.load()
    found = gloss.matches(tokenize("How many days does a nursery have to tell Ofsted?"))
    text = "Early years providers must also tell Ofsted, as soon as possible and within 14 days."
    assert any(gloss.covered_by(m.group, token_set(text)) for m in found)


def test_an_everyday_word_of_a_topic_is_not_looked_for_beside_its_rarer_one():
    from assistant.answering.terms import _topic_stems

    assert _topic_stems("naming people", {"name", "peopl"}) == {"name"}
    assert _topic_stems("online harm", {"onlin", "harm"}) == {"onlin", "harm"}
    assert _topic_stems("people", {"peopl"}) == {"peopl"}  # a topic of everyday words keeps them
