-- Durable submissions of a realistic filing: a 2 KB narrative, a confidential identity
-- with contact details, two subjects and a witness, as a frightened complainant who knows
-- what happened would send it. Each body differs (thread id and counter in the narrative
-- and the name), so nothing can be cached or merged. A 201 means the filing is committed.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")

local headers = {["Content-Type"] = "application/json"}
local counter = 0

-- About 2 KB of narrative in plain words, the same length every time.
local story = ("On the morning of the raid two officers came to our door without showing a "
    .. "warrant. One of them pushed my brother against the wall and twisted his arm until he "
    .. "cried out. They took our phones and documents and would not say where they were "
    .. "taking him. My mother asked for their names and one of them laughed and covered his "
    .. "badge with his hand. They kept us in the kitchen for two hours without water. ")
story = story .. story .. story .. story .. story
story = story:sub(1, 2000)

setup = common.track
response = common.response
done = common.done

function init(args)
    common.init()
end

function request()
    counter = counter + 1
    local body = string.format([[{
  "complainant": {"confidentiality": "confidential", "name": "Maria Lopez %d-%d",
                  "email": "maria.%d.%d@example.org", "phone": "+1 915 555 0100",
                  "replies_by_email": true},
  "incident": {"date": "2026-11-20", "time": "06:30", "place": "Our home on Alameda Avenue",
               "city": "El Paso", "region": "TX",
               "narrative": "%d-%d %s",
               "injuries": "My brother's arm was bruised and swollen.",
               "categories": ["excessive-force", "unlawful-search-detention"]},
  "subjects": [{"badge": "4471", "agency": "ICE", "description": "tall, shaved head",
                "uniform": "black vest marked POLICE"},
               {"name": "Officer Ramos", "agency": "ICE", "vehicle": "white SUV, plate ABC-1234"}],
  "witnesses": [{"name": "Ana Lopez", "contact": "+1 915 555 0111",
                 "account": "I saw them push him from the window."}]
}]], id, counter, id, counter, id, counter, story)
    return wrk.format("POST", "/api/v1/complaints", headers, body)
end
