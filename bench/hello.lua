-- Hello world: GET /healthz, the cheapest answer the server gives; the ceiling the other
-- scenarios are compared with.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")

wrk.method = "GET"
wrk.path = "/healthz"

setup = common.track
init = common.init
response = common.response
done = common.done
