"""Browser-test settings shared by every file in this folder."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def patient(request):
    """Answers can be slow on a busy 2-core CI machine: wait up to a minute, not 30 s."""
    for name in ("page", "nojs_page"):
        if name in request.fixturenames:
            request.getfixturevalue(name).set_default_timeout(60_000)
