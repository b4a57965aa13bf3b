"""Reading Rasa NLU YAML files (tests and benchmark): examples per intent, without annotation."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List

import yaml

_ANNOTATION = re.compile(r"\[([^\]]+)\](\([^)]*\)|\{[^}]*\})")


def plain(example: str) -> str:
    """The example as the user typed it: ``[14](leeftijd)`` becomes ``14``."""
    return _ANNOTATION.sub(r"\1", example).strip()


def examples_by_intent(paths: List[Path]) -> Dict[str, List[str]]:
    """Intent (full retrieval intent where there is one) -> plain examples, over all files."""
    found: Dict[str, List[str]] = {}
    for path in paths:
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" not in block:
                continue
            lines = [l.strip()[2:] for l in block["examples"].splitlines() if l.strip().startswith("- ")]
            found.setdefault(block["intent"], []).extend(plain(l) for l in lines)
    return found
