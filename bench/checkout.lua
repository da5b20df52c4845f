-- wrk script: each thread creates checkouts and confirms them with the sandbox card, so every response pair is
-- one completed order. Usage: wrk -s checkout.lua URL -- <token> <priceVariantId>
local token, variant
local secrets = {}

init = function(args)
  token = args[1]
  variant = args[2]
end

request = function()
  local secret = table.remove(secrets)
  if secret ~= nil then
    return wrk.format("POST", "/v1/client/checkouts/" .. secret .. "/confirm",
      { ["Content-Type"] = "application/json" },
      '{"email":"bench' .. math.random(1, 1000000) .. '@example.com","payment":{"card":' ..
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
