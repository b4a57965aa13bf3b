"""Rasa dialogue policies of the project (config.yml). Importing them installs the Rasa patches,
as bot/rasa_plugins/nlu does (bot/rasa_patches: once per process, CIP_RASA_PATCHES=0 switches them off)."""

from bot.rasa_patches import install

install()
