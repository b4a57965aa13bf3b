"""Retention periods, the daily retention job and erasure on request: the SQL on Rasa's events
table and on the tickets."""
