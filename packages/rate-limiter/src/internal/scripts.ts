/**
 * Lua scripts run in Redis, each with its SHA1 pinned: a unit test recomputes
 * the hashes and an integration test checks them against SCRIPT LOAD on a
 * real server, so an edit that forgets the pin fails before release.
 * The decide script mirrors window-math.ts and limit-math.ts.
 */

/** One decision: reads verdict times, evaluates both windows, consumes from both or neither. */
export const DECIDE_SCRIPT: string = `-- KEYS[1] counter hash of one agent and tier, KEYS[2] verdict hash of the agent
-- ARGV: mode ('check'|'consume'|'reward'), cost, explicit penalty mask,
--       factor1, factor2, factor3, burst base, burst window ms,
--       window base, window ms, buckets
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local mode = ARGV[1]
local cost = tonumber(ARGV[2])
local mask = tonumber(ARGV[3])
local buckets = tonumber(ARGV[11])
local v = redis.call('HMGET', KEYS[2], 'w', 'q1', 'q2')
local function recent(x, span)
  return x and (now - tonumber(x)) < span
end
local pm = 0
if bit.band(mask, 1) ~= 0 or recent(v[1], 3600000) then pm = pm + 1 end
if bit.band(mask, 2) ~= 0 or recent(v[2], 86400000) then pm = pm + 2 end
if bit.band(mask, 4) ~= 0 or recent(v[3], 604800000) then pm = pm + 4 end
local function eff(base)
  local x = base
  if bit.band(pm, 1) ~= 0 then x = x * tonumber(ARGV[4]) end
  if bit.band(pm, 2) ~= 0 then x = x * tonumber(ARGV[5]) end
  if bit.band(pm, 4) ~= 0 then x = x * tonumber(ARGV[6]) end
  x = math.floor(x + 1e-9)
  if x < 1 then x = 1 end
  return x
end
local specs = {
  { 'b', eff(tonumber(ARGV[7])), tonumber(ARGV[8]) },
  { 'w', eff(tonumber(ARGV[9])), tonumber(ARGV[10]) },
}
local all = redis.call('HGETALL', KEYS[1])
local allowed = 1
local stale = {}
local evals = {}
local ttl = 0
for i, s in ipairs(specs) do
  local name, limit, windowMs = s[1], s[2], s[3]
  local g = windowMs / buckets
  local cur = math.floor(now / g)
  local oldest = cur - buckets
  local used, newest = 0, -1
  local live = {}
  for j = 1, #all, 2 do
    local f = all[j]
    if string.sub(f, 1, 1) == name then
      local idx = tonumber(string.sub(f, 2))
      local n = tonumber(all[j + 1])
      if idx < oldest then
        stale[#stale + 1] = f
      elseif n > 0 then
        used = used + n
        live[#live + 1] = { idx, n }
        if idx > newest then newest = idx end
      end
    end
  end
  table.sort(live, function(a, b) return a[1] < b[1] end)
  local reset = now
  if newest >= 0 then reset = (newest + buckets + 1) * g end
  local retry = now
  if used + cost > limit then
    allowed = 0
    retry = reset
    local left = used
    for _, e in ipairs(live) do
      left = left - e[2]
      if left + cost <= limit then
        retry = (e[1] + buckets + 1) * g
        break
      end
    end
  end
  if windowMs + g > ttl then ttl = windowMs + g end
  evals[i] = { name, limit, used, retry, reset, cur, g, live }
end
if mode == 'consume' and allowed == 1 then
  for _, e in ipairs(evals) do
    redis.call('HINCRBY', KEYS[1], e[1] .. e[6], cost)
    e[3] = e[3] + cost
    local r = (e[6] + buckets + 1) * e[7]
    if r > e[5] then e[5] = r end
  end
  if #stale > 0 then redis.call('HDEL', KEYS[1], unpack(stale)) end
  redis.call('PEXPIRE', KEYS[1], ttl)
elseif mode == 'reward' then
  for _, e in ipairs(evals) do
    local left = cost
    local live = e[8]
    for j = #live, 1, -1 do
      if left <= 0 then break end
      local take = math.min(left, live[j][2])
      redis.call('HINCRBY', KEYS[1], e[1] .. live[j][1], -take)
      left = left - take
      e[3] = e[3] - take
    end
  end
end
local out = { allowed, now, pm }
for _, e in ipairs(evals) do
  out[#out + 1] = e[2]
  out[#out + 1] = e[3]
  out[#out + 1] = e[4]
  out[#out + 1] = e[5]
end
return out
`;

/** Pinned SHA1 of {@link DECIDE_SCRIPT}. */
export const DECIDE_SCRIPT_SHA1 = 'b2337da490441011d7a254ac0fedf3011f399736';

/** Records a WARN or QUARANTINE verdict time. */
export const VERDICT_SCRIPT: string = `-- KEYS[1] verdict hash of one agent; ARGV[1] 'WARN' or 'QUARANTINE'
-- Keeps the last WARN time and the last two QUARANTINE times (server clock).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if ARGV[1] == 'WARN' then
  redis.call('HSET', KEYS[1], 'w', now)
else
  local q1 = redis.call('HGET', KEYS[1], 'q1')
  if q1 then redis.call('HSET', KEYS[1], 'q2', q1) end
  redis.call('HSET', KEYS[1], 'q1', now)
end
redis.call('PEXPIRE', KEYS[1], 604800000)
return now
`;

/** Pinned SHA1 of {@link VERDICT_SCRIPT}. */
export const VERDICT_SCRIPT_SHA1 = '16363a252416ff924b6f29ac2ca976b4db5bec6c';
