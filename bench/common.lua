-- Shared by the wrk scripts of bench/run: counts the status of every response per thread
-- and, when wrk is done, prints one machine-readable line that bench/run reads:
--   BENCH requests=N seconds=S rps=R p50_us=A p90_us=B p99_us=C max_us=D non2xx=K errors=E
-- followed by "BENCH status <code> <count>" for every status seen.
-- A script using this file calls common.track(thread) from setup() and defines
-- response = common.response (wrk only reads bodies when `response` exists, so every
-- scenario pays the same small cost and the figures stay comparable).

local common = {}
local threads = {}
local next_id = 0

function common.track(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
    table.insert(threads, thread)
end

function common.init()
    statuses = {}
end

function common.response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function common.done(summary, latency, requests)
    local totals = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses") or {}) do
            totals[status] = (totals[status] or 0) + count
        end
    end
    local non2xx = 0
    local codes = {}
    for status, count in pairs(totals) do
        if status < 200 or status > 299 then non2xx = non2xx + count end
        table.insert(codes, status)
    end
    table.sort(codes)
    local e = summary.errors
    local errors = e.connect + e.read + e.write + e.timeout
    local seconds = summary.duration / 1e6
    io.write(string.format(
        "BENCH requests=%d seconds=%.3f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d "
            .. "non2xx=%d errors=%d\n",
        summary.requests, seconds, summary.requests / seconds, latency:percentile(50.0),
        latency:percentile(90.0), latency:percentile(99.0), latency.max, non2xx, errors))
    for _, status in ipairs(codes) do
        io.write(string.format("BENCH status %d %d\n", status, totals[status]))
    end
end

return common
