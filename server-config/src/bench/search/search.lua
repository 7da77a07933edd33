-- wrk script (#27): GET <path prefix><query> for each line of the query file, rotating; prints p50/p95/p99 in ms,
-- the requests and the non-2xx answers.   wrk ... -s search.lua <url> -- <query file> <path prefix>
local queries = {}
local prefix
local n = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then queries[#queries + 1] = line end
  end
  prefix = args[2]
  n = math.random(#queries)
end

function request()
  n = n % #queries + 1
  return wrk.format("GET", prefix .. queries[n])
end

-- the RESULT line both search scripts print (result.lua, next to this script)
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "result.lua")
