-- Uploads: the same filing on the review step of the web form (POST /complaint,
-- multipart/form-data), with its hidden fields and a photo, sent over and over. The body is
-- made beforehand by bench/upload (a real review step's fields, a JPEG of the chosen size)
-- and read here once: wrk's threads each send it whole. A 200 is a confirmation page: the
-- complaint and its file are sealed, stored and flushed before it is answered.
-- Arguments (after --): the body's file, its boundary.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")

setup = common.track
response = common.response
done = common.done

function init(args)
    common.init()
    local file = assert(io.open(args[1], "rb"))
    wrk.method = "POST"
    wrk.body = file:read("*a")
    file:close()
    wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. args[2]
end
