"""Centraal Informatiepunt Onderwijs-Jeugd: the project's own logic, testable without Rasa."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
