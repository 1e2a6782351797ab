"""Who passes a question on, put first ("Fwd from a head: ...", "student asks: ..."), is not what
it asks (leadin.without_relay, leadin.asking_part). Questions written for these tests; no model."""

from __future__ import annotations

import pytest

from assistant.answering import leadin

pytestmark = pytest.mark.fast


@pytest.mark.parametrize(
    ("relayed", "asked"),
    [
        ("Fwd from the deputy head: 'how long do we keep the log?'", "how long do we keep the log?"),
        ("Handover from Sam: which rooms does the course use?", "which rooms does the course use?"),
        ("Ward manager's note: does the policy cover visitors?", "does the policy cover visitors?"),
        ("receptionist here, forwarding from a parent: who is the lead?", "who is the lead?"),
        ("trainee asks: when is the next induction?", "when is the next induction?"),
        ("a governor wants to know if the audit is yearly", "if the audit is yearly"),
        ("caretaker asking about Brindlecombe's new rota", "about Brindlecombe's new rota"),
    ],
)
def test_the_relay_is_left_out(relayed, asked):
    assert leadin.without_relay(relayed) == asked


@pytest.mark.parametrize(
    "question",
    [
        "what if a child asks to keep a secret?",  # a question that says "asks" is no relay
        "who asks the questions at a strategy meeting?",
        "Child P: what happened at the hospital?",  # a colon after a name, not after passing on
        "slide 3: the figure for 2020?",
        "student asks: why",  # nothing left to ask
    ],
)
def test_a_question_with_no_relay_is_kept_whole(question):
    assert leadin.without_relay(question) == question


def test_the_asking_part_leaves_the_relay_out():
    part = leadin.asking_part("Volunteer lead asks: does the code cover trustees?", lambda clause: True)
    assert "Volunteer" not in part and "trustees" in part
