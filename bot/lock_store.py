"""Rasa's Redis lock store with two round trips to Redis per message instead of seven.

Why: with several Rasa workers or replicas every message takes a lock on its conversation in
Redis, and Rasa's RedisLockStore makes seven blocking round trips for it: read and write to take
a ticket, read again to see whether it is that ticket's turn, and after the message read and write
to hand the ticket back, read again to see whether anyone waits, and delete. Here taking a ticket
and handing it back are each one Lua script that Redis runs as one step (bench/RESULTS.md): the
same tickets, order and expiry as Rasa's, in the same JSON under the same key, so Rasa's own
waiting loop (for a conversation with a message in progress) reads and renews them as before.
As each of the two steps runs at once in Redis, two processes can no longer both read a lock and
write it over each other's ticket there (Rasa's waiting loop, which renews a lock, still reads and
writes). Needs Redis's Lua scripting (EVALSHA), which every Redis since 2.6 has.

Configured in endpoints.yml as `type: bot.lock_store.LeanRedisLockStore` with the options of
Rasa's `type: redis` (url = the host, port, db, password, ...)."""

from __future__ import annotations

import json
import time
from contextlib import asynccontextmanager
from typing import AsyncGenerator, Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

# Rasa's TicketLock as JSON: {"conversation_id": ..., "tickets": ["{\"number\": 0, \"expires\": ...}", ...]}
_UNEXPIRED = """
local function unexpired(raw, now, without)
  local kept = {}
  if raw then
    for _, text in ipairs(cjson.decode(raw)['tickets']) do
      local ticket = cjson.decode(text)
      if ticket['number'] ~= without and not (now > ticket['expires']) then table.insert(kept, text) end
    end
  end
  return kept
end
"""
# Rasa's issue_ticket: drop expired tickets, add the next number. Returns {ticket, now serving, lock}.
_TAKE = (
    _UNEXPIRED
    + """
local now = tonumber(ARGV[2])
local tickets = unexpired(redis.call('GET', KEYS[1]), now, nil)
local number = 0
if #tickets > 0 then number = cjson.decode(tickets[#tickets])['number'] + 1 end
table.insert(tickets, string.format('{"number": %d, "expires": %.17g}', number, now + tonumber(ARGV[3])))
local lock = cjson.encode({conversation_id = ARGV[1], tickets = tickets})
redis.call('SET', KEYS[1], lock)
return {number, cjson.decode(tickets[1])['number'], lock}
"""
)
# Rasa's cleanup: remove the ticket (and expired ones); delete the lock when nobody else waits.
_HAND_BACK = (
    _UNEXPIRED
    + """
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local tickets = unexpired(raw, tonumber(ARGV[2]), tonumber(ARGV[1]))
if #tickets == 0 then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], cjson.encode({conversation_id = cjson.decode(raw)['conversation_id'], tickets = tickets}))
end
return #tickets
"""
)


class LeanRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)
        self._take = self.red.register_script(_TAKE)
        self._hand_back = self.red.register_script(_HAND_BACK)

    @asynccontextmanager
    async def lock(
        self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME, wait_time_in_seconds: float = 1
    ) -> AsyncGenerator[TicketLock, None]:
        """Rasa's `LockStore.lock`: take a ticket, wait for its turn, hand it back."""
        key = self.key_prefix + conversation_id
        try:
            ticket, serving, lock = self._take(
                keys=[key], args=[conversation_id, time.time(), lock_lifetime], client=self.red
            )
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}")
        try:
            if ticket == serving:
                yield TicketLock.from_dict(json.loads(lock))
            else:
                yield await self._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
        finally:
            self._hand_back(keys=[key], args=[ticket, time.time()], client=self.red)
