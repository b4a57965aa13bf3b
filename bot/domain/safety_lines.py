"""The short safety line under an ordinary answer to a message that shows a sign of danger.

The crisis answer (domain/crisis.yml) leads with the numbers; this line only closes an ordinary
answer, at most about 30 words, so it is built from three sentences per language: danger now
(112), violence or abuse at home (Veilig Thuis) and thoughts of suicide (113). The kind of sign
chooses which sentences and in which order. The numbers: ../shared/knowledge/README.md ("Safety
numbers"); the sentences in other languages are the ones of the crisis answer, shortened.

A reply that already names a number (the non-answer names 112 and Veilig Thuis, the answer in
another language all three) gets only the sentences it lacks, and no line when it lacks none.

The texts live here and not as a response in domain/: a new response is a new action of the
domain, and the policies would have to be trained again for a text that is no action of its own.
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import Dict, Optional, Tuple

from bot.domain.safety import CrisisKind

NOW, HOME, SUICIDE = "now", "home", "suicide"

# per language (None: Dutch), the three sentences
_SENTENCES: Dict[Optional[str], Dict[str, str]] = {
    None: {
        NOW: "Is er nu gevaar? Bel 112.",
        HOME: "Zorgen over geweld of misbruik thuis: Veilig Thuis 0800-2000, gratis, dag en nacht.",
        SUICIDE: "Denk je aan zelfdoding? Bel of chat met 113 (gratis).",
    },
    "en": {
        NOW: "Is anyone in danger now? Call 112.",
        HOME: "Worried about violence or abuse at home: Veilig Thuis 0800-2000, free, day and night.",
        SUICIDE: "Thoughts of suicide? Call or chat with 113 (free).",
    },
    "tr": {
        NOW: "Şu anda birisi tehlikede mi? 112'yi arayın.",
        HOME: "Evde şiddet veya çocuk istismarı: Veilig Thuis'i arayın, 0800-2000 (ücretsiz, gece gündüz).",
        SUICIDE: "İntihar düşünceleri: ücretsiz 113'ü arayın ya da 113.nl üzerinden yazışın (gece gündüz).",
    },
    "ar": {
        NOW: "هل هناك شخص في خطر الآن؟ اتصل بالرقم 112.",
        HOME: "العنف في المنزل أو إساءة معاملة الأطفال: اتصل بـ Veilig Thuis على الرقم 0800-2000 (مجاني، ليلًا ونهارًا).",
        SUICIDE: "أفكار الانتحار: اتصل مجانًا بالرقم 113، أو تحدث عبر 113.nl (ليلًا ونهارًا).",
    },
    "pl": {
        NOW: "Czy ktoś jest teraz w niebezpieczeństwie? Zadzwoń pod 112.",
        HOME: "Przemoc w domu lub krzywdzenie dziecka: zadzwoń do Veilig Thuis, 0800-2000 (bezpłatnie, dzień i noc).",
        SUICIDE: "Myśli samobójcze: zadzwoń bezpłatnie pod 113 albo napisz na czacie 113.nl (dzień i noc).",
    },
    "uk": {
        NOW: "Комусь зараз загрожує небезпека? Телефонуйте 112.",
        HOME: "Насильство вдома або жорстоке поводження з дитиною: телефонуйте до Veilig Thuis, 0800-2000 (безкоштовно, вдень і вночі).",
        SUICIDE: "Думки про самогубство: телефонуйте безкоштовно 113 або пишіть у чат на 113.nl (вдень і вночі).",
    },
    "de": {
        NOW: "Ist jetzt jemand in Gefahr? Rufen Sie 112 an.",
        HOME: "Gewalt zu Hause oder Kindesmisshandlung: Rufen Sie Veilig Thuis an, 0800-2000 (kostenlos, Tag und Nacht).",
        SUICIDE: "Suizidgedanken: Rufen Sie kostenlos 113 an oder chatten Sie auf 113.nl (Tag und Nacht).",
    },
}
# how a reply names the number of each sentence
_NUMBERS = {
    NOW: re.compile(r"(?<![\d-])112(?!\d)"),
    HOME: re.compile(r"0800-2000"),
    SUICIDE: re.compile(r"(?<![\d-])113(?!\d)|0800-0113"),
}
# which sentences, in which order, for each kind of sign: the help that fits first
_ORDER: Dict[CrisisKind, Tuple[str, ...]] = {
    CrisisKind.ABUSE: (NOW, HOME),
    CrisisKind.SUICIDE: (SUICIDE, NOW),
    CrisisKind.GENERAL: (NOW, HOME, SUICIDE),
}


def safety_line(kind: CrisisKind, language: Optional[str] = None, given: str = "") -> str:
    """The line for a sign of ``kind`` in ``language`` (a code of the language component; Dutch
    when it is None or a language without translations), without the sentences whose number the
    reply so far (``given``) names: "" when it names them all."""
    sentences = _SENTENCES.get(language, _SENTENCES[None])
    order = _ORDER.get(kind, _ORDER[CrisisKind.GENERAL])
    return " ".join(sentences[part] for part in order if not _NUMBERS[part].search(given))


def all_lines() -> Tuple[str, ...]:
    """Every line there can be, for recognising one in a reply (bench/replies.py)."""
    numbers = {NOW: "112", HOME: "0800-2000", SUICIDE: "113"}
    givens = [" ".join(numbers[p] for p in chosen) for size in range(3) for chosen in combinations(numbers, size)]
    lines = {safety_line(kind, language, given) for language in _SENTENCES for kind in _ORDER for given in givens}
    return tuple(sorted(line for line in lines if line))
