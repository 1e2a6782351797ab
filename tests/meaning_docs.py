"""A small fictional partnership's documents (every word written for these tests) for the
regression tests of evidence by meaning (tests/test_meaning.py), and the question terms those
tests and tests/fast/test_fast_answer_rules.py build by hand."""

from __future__ import annotations

from pathlib import Path

from docbuilders import build_html

from assistant.answering import evidence

FATHERS = """
<h1>Working with fathers in Eastmoor</h1>
<p>This briefing describes how the Eastmoor Safeguarding Partnership works with fathers and male
carers. It was written for practitioners in health, education and children's social care.</p>
<h2>The fathers' group</h2>
<p>The partnership runs a fathers' group at the Brook Street family hub. In 2021 to 2022, 63 fathers
joined the group, most of them referred by health visitors. The group meets every Saturday morning,
so that men who work during the week can attend.</p>
<p>Grandparents were invited to the sessions from March 2022. Sessions cover play, routines, safe
sleep and what to do when a baby will not stop crying.</p>
<h2>Who leads the work</h2>
<p>The work is overseen by the partnership's executive group, which meets four times a year. The
lead for the programme is Priya Shah, the partnership's business manager. She reports on progress
to every meeting of the executive group.</p>
<h2>Questions for practice</h2>
<p>Teams are asked to discuss this briefing in supervision. It closes with four questions for
reflective practice:</p>
"""

REVIEW = """
<h1>Learning review: Baby R</h1>
<p>This summary sets out what the partnership learned from a local child safeguarding practice
review about a baby, known here as Baby R, who was seriously injured at seven weeks old.</p>
<h2>What happened</h2>
<p>Baby R lived with his mother and her partner in a flat on the edge of the town. Health visitors
saw the family twice, and both visits took place when the partner was out. A bruise on the baby's
ear was seen at the second visit but not referred.</p>
<p>Two weeks later Baby R was taken to hospital with a head injury. Doctors found older fractures.
The review is named Listening to the quiet ones, because the partner was never spoken to.</p>
<h2>Priorities</h2>
<p>After the review the partnership set three priorities for the year:</p>
<p>Every practitioner should ask who else lives in the home and speak to them.</p>
<p>Any bruise on a baby who is not yet mobile is referred to children's social care the same day.</p>
<p>Health visitors should see both parents at least once before the baby is eight weeks old.</p>
"""


def build(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "fathers.html").write_bytes(build_html("Working with fathers in Eastmoor", FATHERS))
    (folder / "baby-r.html").write_bytes(build_html("Learning review: Baby R", REVIEW))
    return folder


def terms_for(words: dict[str, str], **kw) -> evidence.Terms:
    return evidence.Terms(
        words=words,
        weights={s: 1.0 for s in words},
        groups=[],
        numbers=set(),
        names=[],
        count=False,
        capitals=set(),
        unseen=0.0,
        **kw,
    )
