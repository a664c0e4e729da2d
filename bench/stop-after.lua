-- wrk script: each thread stops after its share of WRK_MAX_REQUESTS responses, so a run is bounded in count as well
-- as in time (-d).
local max = tonumber(os.getenv("WRK_MAX_REQUESTS") or "0")
local threads = tonumber(os.getenv("WRK_THREADS") or "1")
local share = max > 0 and math.ceil(max / threads) or 0
local seen = 0

function response(status, headers, body)
  seen = seen + 1
  if share > 0 and seen >= share then
    wrk.thread:stop()
  end
end
