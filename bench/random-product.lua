-- wrk script: GET /api/products/{id} for a random id in 1..1000, all of them cached in Redis
-- beforehand, so the benchmark measures the Redis-hit path of the catalog.
math.randomseed(20261123)
request = function()
  return wrk.format("GET", "/api/products/" .. math.random(1, 1000))
end
