-- wrk script: a different calendar query on each request (district, category, target, search word and
-- week), so the output cache cannot answer it: what the issue calls an uncached calendar query.
-- Words are sent percent-encoded, as browsers send them (raw UTF-8 in a request line is refused with 400).
math.randomseed(os.time())
local districts = { "tromsoya", "tromsdalen", "kvaloysletta", "kroken", "ramfjord", "sommaroy", "kaldfjord", "" }
local categories = { "mote-og-prat", "fysisk-aktivitet", "kultur", "mat", "laering", "" }
local targets = { "alle", "eldre", "barn", "ungdom", "voksne", "" }
local words = { "kaffe", "strikk", "tur", "lekse", "sjakk", "spr%C3%A5k", "middag", "dans", "trim", "korps", "lese", "digital", "samtale",
  "snekker", "fotball", "kor", "mat", "bridge", "hage", "film", "vafler", "bank", "familier", "biblioteket", "bydelshuset", "" }
local function pick(list) return list[math.random(#list)] end
request = function()
  local path = string.format("/tromso?district=%s&category=%s&target=%s&q=%s&from=2026-%02d-%02d",
    pick(districts), pick(categories), pick(targets), pick(words), math.random(11, 12), math.random(1, 28))
  return wrk.format("GET", path)
end
