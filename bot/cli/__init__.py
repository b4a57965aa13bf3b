"""`cip`, the command line (bot/cli/main.py): one module per command group. Rasa is imported only
by the commands that need it (`cip retention run` and `cip erase` read Rasa's events table)."""
