-- wrk script of bench/p3-catalogue.sh: the list URL given to wrk plus "&provider=<one of 10>", the provider
-- changing on every request so that the ten filters are measured in turn (each selects 1,000 of 10,000 plugins).
local providers = {"aws", "google", "azure", "atlassian", "slack", "github", "gitlab", "pagerduty", "datadog", "prometheus"}
local n = 0

request = function()
   n = n + 1
   return wrk.format(nil, wrk.path .. "&provider=" .. providers[(n % #providers) + 1])
end
