-- wrk: the summary line of search.lua and write.lua (loaded by both with dofile): p50/p95/p99 in ms, the requests,
-- the non-2xx answers, the socket errors and the requests per second.
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non2xx=%d errors=%d p50=%.1f p95=%.1f p99=%.1f rps=%.1f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1000000)))
end
