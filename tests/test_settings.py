"""bot/settings.py is the one place that reads the environment, and docs/settings.md its table."""

from __future__ import annotations

import re

from bot.settings import VARIABLES, Settings
from tests.helpers.project import ROOT

READS = re.compile(r"environ\.get\(|getenv\(|environ\[\"[A-Z_]+\"\](?!\s*=)")  # writes (SANIC_HOST) are no reads


def _product_sources():
    return [
        path
        for folder in ("bot", "actions")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != ROOT / "bot" / "settings.py"
    ]


def test_no_module_but_settings_reads_the_environment():
    readers = [
        str(path.relative_to(ROOT)) for path in _product_sources() if READS.search(path.read_text(encoding="utf-8"))
    ]
    assert readers == []


def test_every_variable_named_in_the_code_is_a_setting():
    named = set()
    for path in _product_sources():
        named |= set(re.findall(r"\"((?:CIP|DATABASE)_[A-Z_]+)\"", path.read_text(encoding="utf-8")))
    assert named <= set(VARIABLES)


def test_the_docs_table_lists_every_setting():
    table = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8").split("Read by Rasa")[0]
    assert re.findall(r"^\| `([A-Z_]+)` \|", table, re.M) == list(VARIABLES)


def test_values_and_defaults():
    empty = Settings({})
    assert (empty.database_url, empty.smtp_host, empty.smtp_port, empty.retention_days) == (None, None, 25, None)
    assert empty.rasa_patches and not empty.web_secure_cookies and empty.web_base_url == ""
    given = Settings(
        {
            "CIP_RASA_PATCHES": "0",
            "CIP_RETENTION_DAYS": "7",
            "CIP_WEB_BASE_URL": " https://x.nl/ ",
            "DATABASE_URL": "",
            "CIP_SMTP_STARTTLS": "1",
        }
    )
    assert not given.rasa_patches and given.retention_days == 7 and given.web_base_url == "https://x.nl"
    assert given.database_url is None and given.smtp_starttls
