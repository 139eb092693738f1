-- wrk script for scripts/serve-load.sh: POSTs one image as JSON pixels, then prints a summary
-- that the script parses (one "key value" per line).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local body = io.open(os.getenv("BODY_FILE"), "rb")
wrk.body = body:read("*a")
body:close()

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("seconds %.3f\n", seconds))
  io.write(string.format("rps %.1f\n", summary.requests / seconds))
  io.write(string.format("p50_ms %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("p90_ms %.3f\n", latency:percentile(90) / 1000))
  io.write(string.format("p99_ms %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("max_ms %.3f\n", latency.max / 1000))
  local e = summary.errors
  io.write(string.format("errors %d\n", e.connect + e.read + e.write + e.status + e.timeout))
  io.write(string.format("non_2xx %d\n", e.status))
end
