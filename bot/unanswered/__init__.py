"""The questions still without an answer: de-identified, kept 28 days, grouped for the maintainer."""
