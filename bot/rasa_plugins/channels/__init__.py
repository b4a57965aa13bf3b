"""Rasa input channels of the project (named in credentials.yml by their module path). `rasa run`
and `rasa shell` import them before they load the model: the Rasa patches are installed here too
(bot/rasa_patches: once per process, CIP_RASA_PATCHES=0 switches them off)."""

from bot.rasa_patches import install

install()
