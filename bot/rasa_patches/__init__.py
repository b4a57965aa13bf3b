"""Replacements of Rasa 3.6's private internals (docs: README, "Rasa patches")."""
