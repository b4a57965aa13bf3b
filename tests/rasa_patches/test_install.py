"""bot.rasa_patches.install(): every target still there in the installed Rasa, installed once and
logged, refused on another Rasa version, switched off with CIP_RASA_PATCHES=0, and hooked into
every process that loads the project's Rasa plugins. No model needed."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import yaml

import bot.rasa_patches as rasa_patches
from tests.helpers.project import ROOT


def _python(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", **env},
        check=True,
    )


def test_every_patched_target_still_exists_with_rasas_parameters():
    """Read from stock Rasa (switch off): the class, the attribute and the parameters of the
    original that each patch replaces, and the private parts the patches call."""
    code = """
import importlib, inspect, json
from bot.rasa_patches import TARGETS, USED
found = []
for module, cls, attribute, _ in TARGETS:
    owner = getattr(importlib.import_module(module), cls)
    assert hasattr(owner, attribute), (cls, attribute)
    found.append(list(inspect.signature(getattr(owner, attribute)).parameters))
missing = [f"{cls}.{attribute}" for module, cls, attribute in USED
           if not hasattr(getattr(importlib.import_module(module), cls), attribute)]
print(json.dumps([found, missing]))
"""
    found, missing = json.loads(_python(code, CIP_RASA_PATCHES="0").stdout.strip().splitlines()[-1])
    expected = [list(parameters) for *_, parameters in rasa_patches.TARGETS]
    assert found == expected
    assert missing == []
    assert len(rasa_patches.TARGETS) == 21


def test_installed_once_logged_once_with_every_target():
    code = """
import logging
logging.basicConfig(level=logging.INFO, format="LOG %(name)s %(levelname)s %(message)s")
import bot.rasa_plugins.nlu.closed_entities, bot.rasa_plugins.policies.action_server_guard
import bot.rasa_plugins.channels.rest
from bot.rasa_patches import install, installed, tracker_speedups
from rasa.shared.core.trackers import DialogueStateTracker
assert install() == installed()
assert DialogueStateTracker.copy is tracker_speedups.copy_tracker
print(len(installed()))
"""
    result = _python(code, CIP_RASA_PATCHES="1")
    lines = [line for line in result.stderr.splitlines() if line.startswith("LOG bot.rasa_patches")]
    assert len(lines) == 1, lines
    assert "INFO" in lines[0] and "3.6.21" in lines[0] and "DialogueStateTracker.copy" in lines[0]
    assert result.stdout.strip().splitlines()[-1] == "21"


def test_switched_off_with_cip_rasa_patches_0():
    code = """
import logging
logging.basicConfig(level=logging.INFO, format="LOG %(name)s %(levelname)s %(message)s")
import bot.rasa_plugins.nlu.closed_entities
from bot.rasa_patches import installed, tracker_speedups
from rasa.shared.core.trackers import DialogueStateTracker
assert DialogueStateTracker.copy is tracker_speedups._RASA_COPY
print(installed())
"""
    result = _python(code, CIP_RASA_PATCHES="0")
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert [line for line in result.stderr.splitlines() if "CIP_RASA_PATCHES=0" in line]


def test_refused_with_one_clear_line_on_another_rasa_version(monkeypatch, caplog):
    monkeypatch.setenv("CIP_RASA_PATCHES", "1")
    monkeypatch.setattr(rasa_patches, "_installed", None)
    monkeypatch.setattr(rasa_patches, "_rasa_version", lambda: "3.6.20")
    with caplog.at_level(logging.INFO, logger="bot.rasa_patches"):
        assert rasa_patches.install() == []
        assert rasa_patches.install() == []
    assert [(record.levelname, record.getMessage()) for record in caplog.records] == [
        (
            "ERROR",
            "Rasa-patches NIET geïnstalleerd: geschreven voor Rasa 3.6.21, geïnstalleerd is 3.6.20 "
            "(zie docs/rasa-patches.md).",
        )
    ]


def test_every_plugin_rasa_loads_is_in_a_package_that_installs_them():
    """config.yml's components and policies and credentials.yml's channels: Rasa imports them in
    `rasa train`, `rasa run`, `rasa shell` and `rasa test`; the tracker store no longer installs."""
    hooked = ("bot.rasa_plugins.nlu.", "bot.rasa_plugins.policies.", "bot.rasa_plugins.channels.")
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    ours = [item["name"] for item in config["pipeline"] + config["policies"] if item["name"].startswith("bot.")]
    ours += [
        name
        for name in yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
        if name.startswith("bot.")
    ]
    assert len(ours) >= 10
    assert all(name.startswith(hooked) for name in ours), ours
    for package in hooked:
        source = (ROOT / package.strip(".").replace(".", "/") / "__init__.py").read_text(encoding="utf-8")
        assert "install()" in source
    code = "import bot.rasa_plugins.tracker_store\nfrom bot.rasa_patches import installed\nprint(installed())"
    assert _python(code).stdout.strip().splitlines()[-1] == "[]"
