-- wrk script: each thread creates checkouts and confirms them with the sandbox card, so every response pair is
-- one completed order. Usage: wrk -s checkout.lua URL -- <token> <priceVariantId>
local token, variant
local secrets = {}
local threads = 0
local sequence = 0

-- each thread gets its own id, so buyers' emails are unique across threads (wrk seeds every thread's
-- math.random alike, and equal emails would make concurrent checkouts wait on each other's new customer)
setup = function(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

init = function(args)
  token = args[1]
  variant = args[2]
  run_id = args[3] or os.time()
end

request = function()
  local secret = table.remove(secrets)
  if secret ~= nil then
    sequence = sequence + 1
    return wrk.format("POST", "/v1/client/checkouts/" .. secret .. "/confirm",
      { ["Content-Type"] = "application/json" },
      '{"email":"bench' .. run_id .. '-' .. thread_id .. '-' .. sequence .. '@example.com","payment":{"card":' ..
      '{"number":"4242424242424242","expMonth":12,"expYear":2040,"cvc":"123"}}}')
  end
  return wrk.format("POST", "/v1/checkouts",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
    '{"priceVariantId":"' .. variant .. '"}')
end

response = function(status, headers, body)
  if status == 201 then
    local secret = body:match('"clientSecret":"(cs_%w+)"')
    if secret then table.insert(secrets, secret) end
  end
end

done = function(summary, latency, requests)
  io.write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout))
end
