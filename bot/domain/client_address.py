"""Which client a request comes from, kept as a keyed hash so no address is ever stored.

Two limits need it: the inbox locks an address after many failed log-ins, and the chat refuses a
flood of tickets from one address (bot/tickets/service.py). Behind a reverse proxy or the project's
own web relay every request comes from the proxy's address, so one attacker would lock out everyone
(or no limit would hold): the address the proxy names in X-Forwarded-For counts, but only when the
request really comes from a proxy this region trusts (CIP_TRUSTED_PROXIES); any other client could
write anything in that header.

The key is an HMAC of the address with a secret of the server, not a plain hash: IPv4 has only
four billion addresses, so a plain hash is reversed in minutes. An IPv6 client gets its whole /64
(one household or school; it can pick any address inside it)."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re

METADATA_KEY = "cip_client"  # the name under which a chat message's metadata carries the key
_KEY = re.compile(r"^[0-9a-f]{32}$")
DEFAULT_TRUSTED_PROXIES = ("127.0.0.1", "::1")  # the web relay (`cip web`) on the same machine


def client_address(peer: str | None, forwarded_for: str | None, trusted: tuple[str, ...]) -> str:
    """The client's address: `peer` itself, or, when `peer` is a trusted proxy, the right-most
    address of X-Forwarded-For that is not a trusted proxy (the left part is whatever the client
    wrote)."""
    address = _normal(peer)
    trusted_set = {_normal(proxy) for proxy in trusted}
    if address not in trusted_set or not forwarded_for:
        return address
    for hop in reversed(forwarded_for.split(",")):
        hop = _normal(hop)
        if not hop:
            return address
        if hop not in trusted_set:
            return hop
    return address


def client_key(address: str, secret: str) -> str:
    """A short keyed hash of the address (an IPv6 address: of its /64)."""
    try:
        parsed = ipaddress.ip_address(address)
        if parsed.version == 6 and parsed.ipv4_mapped is None:
            address = str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
        elif parsed.version == 6:
            address = str(parsed.ipv4_mapped)
    except ValueError:
        pass  # not an address (a test client, a unix socket): its text is the key's input
    digest = hmac.new(secret.encode("utf-8"), b"client-address:" + address.encode("utf-8"), hashlib.sha256)
    return digest.hexdigest()[:32]


def key_of_conversation(events: list) -> str | None:
    """The client key of the conversation's last user message (set by the channel), if any."""
    for event in reversed(events):
        if event.get("event") == "user":
            key = (event.get("metadata") or {}).get(METADATA_KEY)
            return key if isinstance(key, str) and _KEY.match(key) else None
    return None


def parse_proxies(text: str | None) -> tuple[str, ...]:
    """CIP_TRUSTED_PROXIES: comma-separated addresses; empty: the defaults."""
    proxies = tuple(part.strip() for part in (text or "").split(",") if part.strip())
    wrong = [proxy for proxy in proxies if not _is_address(proxy)]
    if wrong:
        raise ValueError(
            f"CIP_TRUSTED_PROXIES: {', '.join(wrong)} is geen IP-adres (schrijf bijvoorbeeld 127.0.0.1,::1)"
        )
    return proxies or DEFAULT_TRUSTED_PROXIES


def _normal(text: str | None) -> str:
    text = (text or "").strip()
    try:
        return str(ipaddress.ip_address(text.strip("[]")))
    except ValueError:
        return text


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
