"""NLU components of the project (named in config.yml by their module path), and the scoring of
the held-out questions (examples.py, evaluation.py).

Rasa imports this package in every process that trains, tests, loads or serves the model (the
model's graph names these components), so the Rasa patches are installed here, before Rasa
builds the graph (bot/rasa_patches; CIP_RASA_PATCHES=0 switches them off)."""

from bot.rasa_patches import install

install()
