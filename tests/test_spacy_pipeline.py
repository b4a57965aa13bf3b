"""Both branches of the Dutch spaCy pipeline choice: offline build, or nl_core_news_sm."""

from __future__ import annotations

import sys
import textwrap

import spacy

from bot.nlp import pipeline


def test_without_trained_model_builds_blank_dutch_with_lookup_lemmas(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "TRAINED_PACKAGE", "nl_core_news_sm_not_installed")
    target = tmp_path / "nl"
    source, built = pipeline.ensure(target)
    assert (source, built) == (pipeline.SOURCE_BLANK, True)
    nlp = spacy.load(target)
    assert nlp.lang == "nl"
    lemmas = {t.text: t.lemma_ for t in nlp("De leerling werd geschorst en ging naar huis")}
    assert lemmas["geschorst"] == "schorsen"
    assert lemmas["ging"] == "gaan"
    # A second run finds the build up to date and leaves it alone.
    assert pipeline.ensure(target) == (pipeline.SOURCE_BLANK, False)


def test_installed_trained_model_is_used_instead(tmp_path, monkeypatch):
    # A stand-in package with the trained model's name and load() entry point.
    package = tmp_path / "site" / "fake_nl_core_news_sm"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        textwrap.dedent("""
        import spacy
        def load(**overrides):
            nlp = spacy.blank("nl")
            nlp.add_pipe("sentencizer")
            return nlp
    """)
    )
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(pipeline, "TRAINED_PACKAGE", "fake_nl_core_news_sm")
    target = tmp_path / "nl"
    assert pipeline.ensure(target) == ("fake_nl_core_news_sm", True)
    assert pipeline.built_source(target) == "fake_nl_core_news_sm"
    assert "sentencizer" in spacy.load(target).pipe_names
    sys.modules.pop("fake_nl_core_news_sm", None)


def test_switching_source_rebuilds(tmp_path, monkeypatch):
    target = tmp_path / "nl"
    monkeypatch.setattr(pipeline, "TRAINED_PACKAGE", "nl_core_news_sm_not_installed")
    pipeline.ensure(target)
    package = tmp_path / "site" / "other_nl_model"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("import spacy\ndef load(**kw):\n    return spacy.blank('nl')\n")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(pipeline, "TRAINED_PACKAGE", "other_nl_model")
    assert pipeline.ensure(target) == ("other_nl_model", True)
    assert "lemmatizer" not in spacy.load(target).pipe_names
