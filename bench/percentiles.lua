-- wrk: print p50, p95 and p99 latency in milliseconds and the count of errors (socket errors and
-- responses other than 2xx/3xx), one per line, for bench/run.sh to read.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout + summary.errors.status
  for _, p in ipairs({ 50, 95, 99 }) do
    io.write(string.format("p%d %.2fms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("errors %d\n", errors))
end
