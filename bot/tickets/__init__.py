"""Handoff tickets: storage, assignment to a contact person, follow-up and notification."""
