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

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non2xx=%d errors=%d p50=%.1f p95=%.1f p99=%.1f rps=%.1f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1000000)))
end
