-- Durable submissions: POST /api/v1/complaints with the smallest valid filing. Each body
-- differs (thread id and counter in the narrative), so nothing can be cached or merged.
-- A 201 means the filing is committed (fsync): latency here is time to acknowledgment.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")

local headers = {["Content-Type"] = "application/json"}
local counter = 0

setup = common.track
response = common.response
done = common.done

function init(args)
    common.init()
end

function request()
    counter = counter + 1
    local body = string.format(
        '{"incident": {"narrative": "bench %d-%d: an officer took my phone at the station '
            .. 'and would not give it back."}}', id, counter)
    return wrk.format("POST", "/api/v1/complaints", headers, body)
end
