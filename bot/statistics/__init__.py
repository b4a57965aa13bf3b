"""Anonymous statistics for the regional coordinator: counts per day, municipality, theme, topic,
role and outcome, never a text, a sender id or a ticket reference (docs/handoff-and-web.md)."""
