"""Partner branding: an accent colour for the widget's launcher, the panel's heading bar and its
primary button, with the text colour (white or near-black) that reads best on it.

A colour is refused when neither text colour reaches 4.5:1 on it (WCAG 2.2 AA for normal text):
mid-tones such as ``#777777`` fail with both. widget.js and /embed-help apply the same rule.
"""

from __future__ import annotations

import re

DEFAULT_ACCENT = "#1d70b8"
LIGHT_INK, DARK_INK = "#ffffff", "#0b0c0c"
MIN_CONTRAST = 4.5
_HEX = re.compile(r"#?([0-9a-fA-F]{6})")


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ink(accent: str) -> str:
    """The text colour that contrasts more with ``accent``."""
    return LIGHT_INK if contrast(accent, LIGHT_INK) >= contrast(accent, DARK_INK) else DARK_INK


def check_accent(value: str) -> str:
    """``#rrggbb`` in lower case, or ValueError saying why the colour cannot be used."""
    match = _HEX.fullmatch((value or "").strip())
    if not match:
        raise ValueError(f"{value!r} is not a colour: write it as #rrggbb, such as {DEFAULT_ACCENT}")
    accent = "#" + match.group(1).lower()
    best = contrast(accent, ink(accent))
    if best < MIN_CONTRAST:
        raise ValueError(
            f"{accent} is too close to a mid-tone: neither white nor black text reaches {MIN_CONTRAST}:1 on it "
            f"(best {best:.2f}:1). Choose a darker or a lighter colour."
        )
    return accent
