-- wrk script (#27): ticket writes through the API, alternating a new ticket for an EU customer and a PUBLIC comment
-- on an open EU ticket of the seeded data (10000000 + 20k: OPEN, EU, not SECURITY; spread so that no two writers
-- wait on one ticket's lock). Prints the writes per second and p95.   wrk ... -s write.lua <url> -- <tickets seeded>
local n = 0
local tickets

function init(args)
  tickets = tonumber(args[1])
  n = math.random(1000000)
end

-- wrk.format replaces wrk.headers (the -H Authorization) with the table it is given: add to a copy
local function json()
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
  return headers
end

function request()
  n = n + 1
  local words = "Printer on floor " .. n .. " jams when the tray is full; restarted it, cleared the queue, "
    .. "replaced the toner and still the same error after ten pages. Order ORD-" .. string.format("%07d", n)
  if n % 2 == 0 then
    local body = string.format('{"customerId":%d,"subject":"Bench write %d","description":"%s","priority":"NORMAL",'
      .. '"category":"HARDWARE"}', 10000001 + 4 * (n % 1000), n, words)
    return wrk.format("POST", "/api/v1/tickets", json(), body)
  end
  local ticket = 10000000 + 20 * math.random(math.floor(tickets / 20))
  local body = string.format('{"body":"%s","visibility":"PUBLIC"}', words)
  return wrk.format("POST", "/api/v1/tickets/" .. ticket .. "/comments", json(), body)
end

-- the RESULT line both search scripts print (result.lua, next to this script)
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "result.lua")
