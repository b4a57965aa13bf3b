"""The client key every chat message carries in its metadata (`cip_client`), set by the channel.

The action server counts tickets per client (bot/tickets/service.py) but sees only the tracker;
the channel is the one place that sees the request. The key is set here on every message and
overwrites whatever a client sent under the same name, so it cannot be forged or left out. It is a
keyed hash (bot.domain.client_address): the tracker never holds an address."""

from __future__ import annotations

from functools import lru_cache

from bot.domain.client_address import METADATA_KEY, client_address, client_key, parse_proxies
from bot.settings import settings


def with_client(metadata: dict, peer: str | None, forwarded_for: str | None) -> dict:
    """`metadata` with the key of the client behind `peer` (X-Forwarded-For only from a trusted proxy)."""
    address = client_address(peer, forwarded_for, _trusted_proxies())
    return {**metadata, METADATA_KEY: client_key(address, _secret())}


@lru_cache(maxsize=1)
def _trusted_proxies() -> tuple:
    return parse_proxies(settings.trusted_proxies)


@lru_cache(maxsize=1)
def _secret() -> str:
    from bot.rasa_plugins.action_server import shared_secret  # the secret Rasa already shares with it

    return shared_secret()
