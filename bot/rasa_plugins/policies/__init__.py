"""Rasa dialogue policies of the project."""
