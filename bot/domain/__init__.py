"""The product's own logic: what the assistant says and decides, in plain Python. Nothing here
imports Rasa (tests/domain/test_no_rasa.py checks it), so it can be read and tested alone."""
