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


@pytest.mark.parametrize("kind, expected", [(RedisLockStore, 7), (LeanRedisLockStore, 4)])
def test_round_trips_per_message(redis_server, kind, expected):
    lock_store = kind(EndpointConfig(url="127.0.0.1", port=redis_server.port, db=1)) \
        if kind is LeanRedisLockStore else kind(host="127.0.0.1", port=redis_server.port, db=1)
    lock_store.red = Counting(host="127.0.0.1", port=redis_server.port, db=1)
    Counting.commands = 0
    asyncio.run(handle(lock_store, "ouder", "a", [], 0))
    assert Counting.commands == expected
