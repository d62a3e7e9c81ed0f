-- A staff page, signed in: GET with the session cookie, of the URL given to wrk, or of each
-- path in a file (one per line, cycled through: a complaint page per known reference).
-- Usage: wrk ... -s staff-page.lua URL -- COOKIE [PATHS_FILE]

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")

local requests_ready = {}
local position = 1

setup = common.track
response = common.response
done = common.done

function init(args)
    common.init()
    local headers = {["Cookie"] = args[1]}
    if args[2] then
        local file = assert(io.open(args[2], "r"), "cannot open " .. args[2])
        for path in file:lines() do
            table.insert(requests_ready, wrk.format("GET", path, headers))
        end
        file:close()
    else
        table.insert(requests_ready, wrk.format("GET", wrk.path, headers))
    end
    position = (id * 7919) % #requests_ready + 1
end

function request()
    local next_request = requests_ready[position]
    position = position % #requests_ready + 1
    return next_request
end
