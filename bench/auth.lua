-- wrk script: GET requests with a bearer token. Usage: wrk -s auth.lua URL -- <token>
local token
init = function(args) token = args[1] end
request = function()
  return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. token })
end
done = function(summary, latency, requests)
  io.write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout))
end
