"""Bar charts as SVG, drawn by the server (why: README, the inbox's statistics).

Plain markup with presentation attributes (no inline style, no script), so the inbox's
Content-Security-Policy stays as strict as it is; every label is escaped. A bar of "< 5" is drawn
as a short grey stub with its text, never as a number it is not."""

from __future__ import annotations

from html import escape
from typing import Sequence

from markupsafe import Markup

BAR = "#0b4f8a"
SMALL = "#6b6b6b"
TEXT = "#1b1b1b"


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def columns(labels_id: str, items: Sequence[tuple[str, float, str]], width: int = 640, height: int = 220) -> Markup:
    """Vertical bars over time: (label, value, text shown above the bar) per column."""
    top = max([value for _, value, _ in items] + [1])
    count = max(len(items), 1)
    step = (width - 20) / count
    bar = max(step * 0.7, 2)
    base = height - 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{escape(labels_id)}" class="chart">',
        f'<line x1="10" y1="{base}" x2="{width - 10}" y2="{base}" stroke="{TEXT}" stroke-width="1"/>',
    ]
    for index, (label, value, text) in enumerate(items):
        x = 10 + index * step + (step - bar) / 2
        tall = (base - 30) * value / top
        small = text == "< 5"
        tall = 3 if small else tall
        colour = SMALL if small else BAR
        parts.append(
            f'<rect x="{_number(x)}" y="{_number(base - tall)}" width="{_number(bar)}" height="{_number(tall)}" '
            f'fill="{colour}"/>'
        )
        middle = _number(x + bar / 2)
        parts.append(
            f'<text x="{middle}" y="{_number(base - tall - 4)}" text-anchor="middle" font-size="11" '
            f'fill="{TEXT}">{escape(text)}</text>'
        )
        if count <= 16 or index % max(count // 12, 1) == 0:
            parts.append(
                f'<text x="{middle}" y="{base + 14}" text-anchor="middle" font-size="10" fill="{TEXT}">'
                f"{escape(label.split(' (')[0])}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def bars(labels_id: str, items: Sequence[tuple[str, float, str]], width: int = 640) -> Markup:
    """Horizontal bars, one per category: (label, value, text shown after the bar)."""
    top = max([value for _, value, _ in items] + [1])
    row = 28
    height = row * max(len(items), 1) + 10
    left, right = 200, 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{escape(labels_id)}" class="chart">'
    ]
    for index, (label, value, text) in enumerate(items):
        y = 5 + index * row
        small = text == "< 5"
        long = 3 if small else (width - left - right) * value / top
        parts.append(
            f'<text x="{left - 8}" y="{y + 17}" text-anchor="end" font-size="12" fill="{TEXT}">{escape(label)}</text>'
        )
        parts.append(
            f'<rect x="{left}" y="{y + 4}" width="{_number(long)}" height="{row - 10}" fill="{SMALL if small else BAR}"/>'
        )
        parts.append(
            f'<text x="{_number(left + long + 6)}" y="{y + 17}" font-size="12" fill="{TEXT}">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
