"""Rasa input channels of the project (named in credentials.yml by their module path)."""
