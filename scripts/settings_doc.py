"""Write docs/settings.md from the one settings object, so every option is documented once.

python scripts/settings_doc.py          # rewrite docs/settings.md
python scripts/settings_doc.py --check  # exit 1 if it is out of date (tests/test_settings_doc.py)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "settings.md"

HEAD = """# Settings

Every option of the assistant, in one table. Each is read from an environment variable (shown
here), and most CLI options fall back to the same value (`assistant COMMAND --help`). This page is
written from `assistant/settings.py` by `python scripts/settings_doc.py`; a test fails when the two
disagree, so it cannot go stale.

| variable | default | what it does |
| --- | --- | --- |
"""


def _relative(value):
    """A path inside the checkout, shown relative to it (the same on every machine)."""
    text = str(value)
    return text[len(str(ROOT)) + 1 :] if text.startswith(str(ROOT) + "/") else text


def _default(field) -> str:
    from pydantic_core import PydanticUndefined

    value = field.get_default(call_default_factory=True)
    if value is PydanticUndefined or value is None:
        return "(none)"
    if isinstance(value, Path):
        try:
            value = value.relative_to(ROOT)
        except ValueError:
            pass
        return f"`{value}`"
    if isinstance(value, list):
        value = [v.model_dump() if hasattr(v, "model_dump") else _relative(v) for v in value]
        if len(json.dumps(value)) > 60:
            return "see `assistant/settings.py`"
        return f"`{json.dumps(value)}`"
    return f"`{value}`"


def render() -> str:
    from assistant.settings import Settings

    prefix = Settings.model_config["env_prefix"]
    rows = []
    for name, field in Settings.model_fields.items():
        text = (field.description or "").replace("|", "\\|").replace("\n", " ")
        default = _default(field).replace("|", "\\|")
        rows.append(f"| `{(prefix + name).upper()}` | {default} | {text} |")
    return HEAD + "\n".join(rows) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text() != text:
            print("docs/settings.md is out of date: run python scripts/settings_doc.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
