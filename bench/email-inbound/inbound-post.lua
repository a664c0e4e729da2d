-- wrk script: posts SendGrid Inbound Parse payloads (parsed mode, multipart/form-data) with a unique Message-ID per
-- request, so every post is a new email that is stored and announced, never a duplicate. Most are new travel
-- requests (a different sender each time), some are replies, support requests and auto-replies, in a fixed rotation.
-- Each thread stops after its share of WRK_MAX_REQUESTS responses.
--
--   WRK_MAX_REQUESTS  total posts (all threads)     WRK_THREADS  wrk's -t
--   BENCH_RECIPIENT   the tenant's inbound address  BENCH_RUN    a run id, part of every Message-ID

local max = tonumber(os.getenv("WRK_MAX_REQUESTS") or "0")
local threads = tonumber(os.getenv("WRK_THREADS") or "1")
local share = max > 0 and math.ceil(max / threads) or 0
local recipient = os.getenv("BENCH_RECIPIENT") or "demo-travel@inbound.zorahai.com"
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local boundary = "----zorahbench7MA4YWxkTrZu0gW"
local next_thread = 0

function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
end

local sent = 0
local seen = 0

local destinations = { "Cape Town", "Zanzibar", "Mauritius", "Durban", "Victoria Falls", "Kruger" }
local months = { "March", "April", "May", "June", "September", "October" }

local function part(name, value)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
end

local function mail(n)
  local id = string.format("%s-%d-%d", run, thread_id or 0, n)
  local sender = string.format("traveller%s@example.com", id)
  local kind = n % 10
  local subject, text
  if kind == 7 then
    subject = "Re: Your quote Q-000001"
    text = "Hi,\n\nThank you, this looks lovely. We will let you know by Friday.\n\nAlex"
  elseif kind == 8 then
    subject = "Problem with my booking"
    text = "Hello,\n\nI have a problem with my booking reference ZT-" .. n .. ": the voucher is missing.\n\nAlex"
  elseif kind == 9 then
    subject = "Automatic reply: holiday"
    text = "I am currently away from the office with limited access to email."
  else
    local d = destinations[(n % #destinations) + 1]
    local m = months[(n % #months) + 1]
    subject = "Holiday enquiry: " .. d
    text = "Hi there,\n\nWe'd like a quote for " .. d .. ", " .. (3 + n % 10) .. "-" .. (10 + n % 10) .. " " .. m
      .. " 2027. We are 2 adults and 1 child aged 7, half board, 4-star please.\n"
      .. "Our budget is around R60 000 in total.\n\nKind regards,\nAlex Traveller\n+27 82 555 0101\n"
  end
  local headers = "Received: by mx0047p1mdw1.sendgrid.net with SMTP id bench" .. id .. "\n"
    .. "MIME-Version: 1.0\nFrom: Alex Traveller <" .. sender .. ">\nDate: Mon, 23 Nov 2026 09:12:03 +0200\n"
    .. "Message-ID: <bench-" .. id .. "@mail.example.com>\nSubject: " .. subject .. "\nTo: <" .. recipient .. ">\n"
    .. "Content-Type: multipart/alternative; boundary=\"000000000000a1b2c3\"\n"
  local html = "<div dir=\"ltr\">" .. text:gsub("\n", "<br>") .. "</div>\n"
  return part("headers", headers)
    .. part("dkim", "{@example.com : pass}")
    .. part("content-ids", "{}")
    .. part("to", recipient)
    .. part("from", "Alex Traveller <" .. sender .. ">")
    .. part("text", text)
    .. part("html", html)
    .. part("sender_ip", "209.85.128.41")
    .. part("envelope", "{\"to\":[\"" .. recipient .. "\"],\"from\":\"" .. sender .. "\"}")
    .. part("attachments", "0")
    .. part("subject", subject)
    .. part("spam_score", "0.3")
    .. part("charsets", "{\"to\":\"UTF-8\",\"html\":\"UTF-8\",\"subject\":\"UTF-8\",\"from\":\"UTF-8\",\"text\":\"UTF-8\"}")
    .. part("SPF", "pass")
    .. "--" .. boundary .. "--\r\n"
end

function request()
  sent = sent + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "multipart/form-data; boundary=" .. boundary }, mail(sent))
end

function response(status, headers, body)
  seen = seen + 1
  if share > 0 and seen >= share then
    wrk.thread:stop()
  end
end
