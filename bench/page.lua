-- A public page (GET of the URL given to wrk, e.g. / or /complaint), rendered from its
-- template and catalogue on every request.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")

wrk.method = "GET"

setup = common.track
init = common.init
response = common.response
done = common.done
