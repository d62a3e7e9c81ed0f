-- Status look-ups: POST /api/v1/status with reference and receipt pairs made before the
-- run (redress synthesize, from bench/run). Each thread starts at a different pair and cycles through
-- all of them; requests are built once in init(), so wrk spends its time on the network.
-- Usage: wrk ... -s status.lua URL -- PAIRS_FILE  (lines "REFERENCE<TAB>RECEIPT")

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")

local headers = {["Content-Type"] = "application/json"}
local requests_ready = {}
local position = 1

setup = common.track
response = common.response
done = common.done

function init(args)
    common.init()
    local path = args[1] or "pairs.tsv"
    local file = assert(io.open(path, "r"), "cannot open " .. path)
    for line in file:lines() do
        local reference, receipt = line:match("^([^\t]+)\t([^\t]+)$")
        if reference then
            local body = string.format('{"reference": "%s", "receipt": "%s"}', reference, receipt)
            table.insert(requests_ready, wrk.format("POST", "/api/v1/status", headers, body))
        end
    end
    file:close()
    assert(#requests_ready > 0, "no reference and receipt pairs in " .. path)
    position = (id * 7919) % #requests_ready + 1
end

function request()
    local next_request = requests_ready[position]
    position = position % #requests_ready + 1
    return next_request
end
