"""Browser-test settings shared by every file in this folder."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def patient(request):
    """Answers can be slow on a busy 2-core CI machine: wait up to a minute, not 30 s."""
    for name in ("page", "nojs_page"):
        if name in request.fixturenames:
            request.getfixturevalue(name).set_default_timeout(60_000)


@pytest.fixture
def clipboard_page(browser, live_server):
    """A 1280 px page on the live server that may read and write the clipboard."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()
