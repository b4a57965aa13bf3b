"""The training data and answers: valid for Rasa, sourced, in one form of address, and a
held-out test set that really is held out."""

from __future__ import annotations

import re

import pytest

from bot.rasa_plugins.nlu.examples import examples_by_intent
from tests.helpers.project import ROOT, THEMES, corpus_texts, is_dutch, load_yaml, rasa

KNOWLEDGE = ROOT.parent / "shared" / "knowledge"
THEME_INTENTS = {"routes": "route", "privacy": "privacy", "absence": "absence"}


def _responses() -> dict:
    found = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        found.update((load_yaml(path) or {}).get("responses", {}))
    return found


def _texts(variations) -> list:
    return [v["text"] for v in variations if "text" in v]


def _used_by_code(response: str) -> bool:
    """A response said by a custom action, a form (utter_ask_<slot>), a policy, or Rasa's own
    core fallback (utter_default), not by a story."""
    code = " ".join(
        p.read_text(encoding="utf-8") for folder in ("actions", "bot") for p in (ROOT / folder).rglob("*.py")
    )
    return f'"{response}"' in code or response.startswith("utter_ask_") or response == "utter_default"


# Intents no classifier learns: a component sets them, or only a button sends them.
INTENTS_NOT_LEARNED = {
    "other_language": "bot/rasa_plugins/nlu/language.py",
    "choose_answer": "the clarification's buttons",
    "more": "bot/rasa_plugins/nlu/more_request.py and the 'Meer hierover' buttons",
}
# Intents the classifier learns that never reach a rule: the answer choice turns them into nlu_fallback.
INTENTS_WITHOUT_RULE = {"not_covered": "bot/rasa_plugins/nlu/answer_choice.py"}


def test_rasa_data_validate_passes_without_warnings():
    result = rasa(
        "data",
        "validate",
        "--domain",
        "domain",
        "--data",
        "data",
        "--config",
        "config.yml",
        "--fail-on-warnings",
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    unexplained = []
    for warning in re.findall(r"UserWarning: (.*)", output):
        unused = re.match(r"The utterance '(.+)' is not used in any story or rule", warning)
        if unused and _used_by_code(unused.group(1)):
            continue
        not_learned = re.match(r"The intent '(.+)' is listed in the domain file, but is not found in the NLU", warning)
        if not_learned and not_learned.group(1) in INTENTS_NOT_LEARNED:
            continue
        no_rule = re.match(r"The intent '(.+)' is not used in any story or rule", warning)
        if no_rule and no_rule.group(1) in INTENTS_WITHOUT_RULE:
            continue
        # Rasa adds the retrieval intents of the answers to the domain a second time (known, harmless).
        if warning.startswith("The following duplicated intents") and warning.endswith("absence, privacy, route"):
            continue
        unexplained.append(warning)
    assert unexplained == [], output[-4000:]


@pytest.mark.parametrize("theme", THEMES)
def test_every_question_of_a_theme_has_an_answer_with_a_source(theme):
    intents = examples_by_intent([ROOT / "data" / "nlu" / f"{theme}.yml"])
    responses = _responses()
    assert len(intents) >= 10
    for intent in intents:
        assert intent.startswith(THEME_INTENTS[theme] + "/"), intent
        variations = responses[f"utter_{intent}"]
        for variation in variations:
            sources = variation["metadata"]["sources"]
            assert sources and all(s.startswith("https://") for s in sources), intent
            assert re.search(rf"Meer lezen bij \[[^\]]+\]\({re.escape(sources[0])}\)", variation["text"]), intent


def test_every_answer_that_states_facts_names_its_source():
    for name, variations in _responses().items():
        for variation in variations:
            if "Meer lezen" in variation.get("text", ""):
                link = re.search(r"Meer lezen bij \[[^\]]+\]\((https://[^)\s]+)\)", variation["text"])
                assert link and link.group(1) in variation["metadata"]["sources"], name


@pytest.mark.skipif(not KNOWLEDGE.exists(), reason="../shared/knowledge is not beside this checkout")
def test_answer_sources_come_from_the_knowledge_notes():
    notes = " ".join(p.read_text(encoding="utf-8") for p in KNOWLEDGE.glob("*.md"))
    allowed_extra = set(
        re.findall(
            r"^\| (https://\S+) \|",
            (ROOT / "docs" / "extra-sources.md").read_text(encoding="utf-8"),
            flags=re.MULTILINE,
        )
    )
    assert {"https://www.113.nl", "https://www.kindertelefoon.nl"} <= allowed_extra
    for name, variations in _responses().items():
        for variation in variations:
            for url in (variation.get("metadata") or {}).get("sources", []):
                assert url in notes or url in allowed_extra, f"{name}: {url} is not in the knowledge notes"


def test_answers_address_the_user_as_je_never_as_u():
    formal = re.compile(r"\b(u|uw|U|Uw)\b")
    offenders = [
        n for n, vs in _responses().items() for t in _texts([v for v in vs if is_dutch(v)]) if formal.search(t)
    ]
    assert offenders == []


def test_safety_numbers_in_the_crisis_answers_are_right():
    text = " ".join(_texts(_responses()["utter_crisis"]))
    for number in ("112", "0800-0113", "0800-2000", "0800-0432"):
        assert number in text
    suicide = next(v for v in _responses()["utter_crisis"] if v.get("condition", [{}])[0].get("value") == "suicide")
    assert "0800-0113" in suicide["text"] and "112" in suicide["text"]


def test_held_out_examples_are_not_in_the_training_data():
    train = examples_by_intent(sorted((ROOT / "data" / "nlu").glob("*.yml")))
    test = examples_by_intent(sorted((ROOT / "tests" / "nlu").glob("*.yml")))
    seen = {t.lower().strip(" ?!.") for texts in train.values() for t in texts}
    leaked = [t for texts in test.values() for t in texts if t.lower().strip(" ?!.") in seen]
    assert leaked == []
    too_few = {i: len(t) for i, t in test.items() if len(t) < 5}
    assert too_few == {}
    untested = set(train) - set(test)
    assert untested == set()


@pytest.mark.parametrize(
    "held_out, key",
    [
        ("nearby_heldout.yml", None),
        ("answers_heldout.yml", None),
        ("answers3_heldout.yml", None),
        ("crisis_heldout.yml", "messages"),
        ("crisis_heldout_round4.yml", "messages"),
        ("crisis_heldout_round5.yml", "messages"),
        ("crisis_heldout_round6.yml", "messages"),
        ("crisis_heldout_round7.yml", "messages"),
        ("crisis_heldout_round8.yml", "messages"),
        ("crisis_heldout_round9.yml", "messages"),
        ("crisis_heldout_round10.yml", "messages"),
    ],
)
def test_held_out_question_sets_are_not_in_the_training_data(held_out, key):
    """The sets that measure what a stranger's words get (bench/nearby.py, bench/crisis_set.py)
    measure nothing once a question of theirs is trained on."""
    train = examples_by_intent(sorted((ROOT / "data" / "nlu").glob("*.yml")))
    seen = {_folded(t) for texts in train.values() for t in texts}
    seen |= {_folded(text) for text in corpus_texts()}
    data = load_yaml(ROOT / "tests" / "data" / held_out)
    items = data[key] + data.get("negatives", []) if key else data
    assert [m["text"] for m in items if _folded(m["text"]) in seen] == []


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())
