"""Every setting is documented: docs/settings.md is written from the settings object and kept in step."""

import subprocess
import sys
from pathlib import Path

from assistant.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_settings_page_is_up_to_date():
    run = subprocess.run(
        [sys.executable, "scripts/settings_doc.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


def test_every_setting_has_a_description_and_a_row():
    page = (ROOT / "docs" / "settings.md").read_text()
    for name, field in Settings.model_fields.items():
        assert field.description, f"{name} has no description"
        assert f"`ASSISTANT_{name.upper()}`" in page
