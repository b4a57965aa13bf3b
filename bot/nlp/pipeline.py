"""The Dutch spaCy pipeline that Rasa's SpacyNLP loads.

The trained Dutch model ``nl_core_news_sm`` cannot be downloaded on every machine, so the
project builds its own pipeline offline: ``spacy.blank("nl")`` with a lookup lemmatizer whose
tables come from the ``spacy-lookups-data`` package. When ``nl_core_news_sm`` is installed it is
used instead. Either way the result is saved inside the project (``build/spacy_nl``), so that
``config.yml`` can name one fixed path and the model archive stays small.

Run ``python -m bot.nlp.pipeline`` to build it when it is missing or its source changed.
"""

from __future__ import annotations

import importlib
import importlib.util
import shutil
import sys
from pathlib import Path

import spacy
from spacy.language import Language

from bot import PROJECT_ROOT

PIPELINE_DIR = PROJECT_ROOT / "build" / "spacy_nl"
TRAINED_PACKAGE = "nl_core_news_sm"
SOURCE_BLANK = "blank-nl+lookups"


def wanted_source() -> str:
    """Which pipeline to build: the trained package when installed, else the offline one."""
    if importlib.util.find_spec(TRAINED_PACKAGE) is not None:
        return TRAINED_PACKAGE
    return SOURCE_BLANK


def _blank_with_lookups() -> Language:
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    # initialize() reads the Dutch lookup tables from spacy-lookups-data; to_disk() then
    # stores them with the pipeline, so nothing is read from that package at run time.
    nlp.initialize()
    return nlp


def create(source: str) -> Language:
    """Create the pipeline for ``source`` (see ``wanted_source``)."""
    if source == TRAINED_PACKAGE:
        nlp = importlib.import_module(TRAINED_PACKAGE).load()
    else:
        nlp = _blank_with_lookups()
    nlp.meta["name"] = "cip_nl"
    nlp.meta["cip_source"] = source
    return nlp


def built_source(target: Path) -> str | None:
    """The source recorded in an existing build, or None when there is no usable build."""
    meta = target / "meta.json"
    if not meta.exists():
        return None
    return spacy.util.load_meta(meta).get("cip_source")


def ensure(target: Path = PIPELINE_DIR) -> tuple[str, bool]:
    """Build the pipeline at ``target`` unless an up-to-date build is there.

    Returns the source used and whether it was (re)built.
    """
    source = wanted_source()
    if built_source(target) == source:
        return source, False
    nlp = create(source)
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    return source, True


def main() -> int:
    source, built = ensure()
    where = PIPELINE_DIR.relative_to(PROJECT_ROOT)
    state = "gebouwd" if built else "is al up-to-date"
    print(f"Nederlandse spaCy-pijplijn ({source}) {state}: {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
