-- wrk script of the read-path bench (#27): GET <prefix><random id in [lo, hi]> when lo and hi are given, else
-- GET <prefix> as it is; prints one parseable line at the end (requests, errors, rps, latency percentiles in ms).
--   wrk ... -s reads.lua <url> -- <prefix> [lo hi]
local prefix, lo, hi
function init(args)
  prefix, lo, hi = args[1], tonumber(args[2]), tonumber(args[3])
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 100000)
end
function request()
  if lo then
    return wrk.format("GET", prefix .. math.random(lo, hi))
  end
  return wrk.format("GET", prefix)
end
function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout
  io.write(string.format("ERRORS status %d connect %d read %d write %d timeout %d\n", summary.errors.status,
      summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("RESULT %d %d %.1f %.1f %.1f %.1f\n", summary.requests, errors,
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000))
end
