"""The client behind a request, for the per-address limits: a forged X-Forwarded-For counts only
when a trusted proxy passed it on, and no address is kept, only a keyed hash."""

from __future__ import annotations

import pytest

from bot.domain.client_address import (
    DEFAULT_TRUSTED_PROXIES,
    METADATA_KEY,
    client_address,
    client_key,
    key_of_conversation,
    parse_proxies,
)

SECRET = "een geheim van de server, lang genoeg"


def test_a_direct_client_is_its_own_address_whatever_header_it_writes():
    assert client_address("203.0.113.7", "198.51.100.1", DEFAULT_TRUSTED_PROXIES) == "203.0.113.7"


def test_behind_the_trusted_relay_the_forwarded_client_counts():
    assert client_address("127.0.0.1", "198.51.100.1", DEFAULT_TRUSTED_PROXIES) == "198.51.100.1"


def test_what_the_client_wrote_in_front_of_the_proxys_entry_is_ignored():
    forged = "10.9.9.9, 198.51.100.1"  # the client sent "10.9.9.9"; the proxy appended the real one
    assert client_address("127.0.0.1", forged, DEFAULT_TRUSTED_PROXIES) == "198.51.100.1"


def test_a_chain_of_trusted_proxies_is_walked_back_to_the_client():
    proxies = ("127.0.0.1", "192.0.2.10")
    assert client_address("127.0.0.1", "198.51.100.1, 192.0.2.10", proxies) == "198.51.100.1"


def test_the_key_is_not_the_address_and_depends_on_the_servers_secret():
    key = client_key("198.51.100.1", SECRET)
    assert "198" not in key and len(key) == 32
    assert key == client_key("198.51.100.1", SECRET)
    assert key != client_key("198.51.100.2", SECRET)
    assert key != client_key("198.51.100.1", SECRET + "x")


def test_one_ipv6_household_is_one_client():
    assert client_key("2001:db8:1:2::1", SECRET) == client_key("2001:db8:1:2:ffff::9", SECRET)
    assert client_key("2001:db8:1:2::1", SECRET) != client_key("2001:db8:1:3::1", SECRET)
    assert client_key("::ffff:198.51.100.1", SECRET) == client_key("198.51.100.1", SECRET)


def test_the_conversations_key_is_that_of_its_last_message_and_must_look_like_one():
    key = client_key("198.51.100.1", SECRET)
    events = [
        {"event": "user", "metadata": {METADATA_KEY: "0" * 32}},
        {"event": "bot"},
        {"event": "user", "metadata": {METADATA_KEY: key}},
        {"event": "action"},
    ]
    assert key_of_conversation(events) == key
    assert key_of_conversation([{"event": "user", "metadata": {METADATA_KEY: "<script>"}}]) is None
    assert key_of_conversation([{"event": "user"}]) is None


def test_trusted_proxies_must_be_addresses():
    assert parse_proxies("") == DEFAULT_TRUSTED_PROXIES
    assert parse_proxies(" 10.0.0.1 , ::1") == ("10.0.0.1", "::1")
    with pytest.raises(ValueError, match="geen IP-adres"):
        parse_proxies("proxy.gemeente.nl")
