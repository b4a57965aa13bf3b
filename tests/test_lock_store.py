"""The Redis lock store of several Rasa workers (bot/lock_store.py) against a real redis-server:
messages of one conversation are handled one at a time in the order they came, other
conversations do not wait, and nothing of a lock stays behind; it reads and writes Redis less
often than Rasa's RedisLockStore."""

from __future__ import annotations

import asyncio

import pytest
import redis
from rasa.core.lock_store import RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.launch import Redis
from bot.lock_store import LeanRedisLockStore
from tests.test_load import require_redis


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    require_redis()
    server = Redis(tmp_path_factory.mktemp("redis") / "redis.log").start()
    yield server
    server.stop()


def store(server):
    return LeanRedisLockStore(EndpointConfig(url="127.0.0.1", port=server.port, db=1))


async def handle(lock_store, conversation: str, name: str, log: list, seconds: float) -> None:
    async with lock_store.lock(conversation, wait_time_in_seconds=0.01):
        log.append(f"{name} start")
        await asyncio.sleep(seconds)
        log.append(f"{name} end")


def test_one_conversation_is_handled_in_order_and_others_do_not_wait(redis_server):
    first, second = store(redis_server), store(redis_server)  # two workers
    log: list = []

    async def run():
        await asyncio.gather(
            handle(first, "ouder", "a", log, 0.2),
            handle(second, "ouder", "b", log, 0.0),
            handle(second, "leraar", "c", log, 0.0),
        )

    asyncio.run(run())
    assert log.index("a end") < log.index("b start")  # b came later and waited for a
    assert log.index("c end") < log.index("a end")  # another conversation did not wait
    assert redis.Redis(port=redis_server.port, db=1).keys("*") == []


class Counting(redis.StrictRedis):
    commands = 0

    def execute_command(self, *args, **options):
        Counting.commands += 1
        return super().execute_command(*args, **options)


def rasas(server):
    return RedisLockStore(host="127.0.0.1", port=server.port, db=1)


@pytest.mark.parametrize("kind, expected", [(rasas, 7), (store, 2)])
def test_round_trips_per_message(redis_server, kind, expected):
    lock_store = kind(redis_server)
    lock_store.red = Counting(host="127.0.0.1", port=redis_server.port, db=1)
    asyncio.run(handle(lock_store, "ouder", "a", [], 0))  # the first also loads the scripts into Redis
    Counting.commands = 0
    asyncio.run(handle(lock_store, "ouder", "a", [], 0))
    assert Counting.commands == expected


@pytest.mark.parametrize("first, second", [(store, rasas), (rasas, store)], ids=["ours first", "rasas first"])
def test_rasas_lock_store_and_ours_share_a_conversations_lock(redis_server, first, second):
    """A replica still running Rasa's lock store (during an upgrade) and one running ours take
    turns on the same conversation."""
    log: list = []

    async def run():
        await asyncio.gather(
            handle(first(redis_server), "ouder", "a", log, 0.2), handle(second(redis_server), "ouder", "b", log, 0.0)
        )

    asyncio.run(run())
    assert log == ["a start", "a end", "b start", "b end"]
    assert redis.Redis(port=redis_server.port, db=1).keys("*") == []


def test_an_expired_ticket_of_a_crashed_worker_does_not_block(redis_server):
    crashed = rasas(redis_server)
    stale = crashed.get_or_create_lock("ouder")
    stale.issue_ticket(lifetime=-1)  # expired at once, never handed back
    crashed.save_lock(stale)
    log: list = []
    asyncio.run(asyncio.wait_for(handle(store(redis_server), "ouder", "a", log, 0), timeout=0.5))
    assert log == ["a start", "a end"]
    assert redis.Redis(port=redis_server.port, db=1).keys("*") == []
