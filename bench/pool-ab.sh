#!/usr/bin/env bash
# A/B of one setting of the command path: the packaged jar on a fresh database, wrk -t2 -c16 (its own process)
# shipping a new Atlas fingerprint to one of 1,000 govs per request, 60 s of warm-up, then 30 s measured. Prints the
# rate and p50/p99. Used for the connection pool (BENCHMARKS.md notes, 2026-12-05):
#   for run in 1 2; do bench/pool-ab.sh h2 10 run$run; bench/pool-ab.sh h2 32 run$run; done
#   usage: bench/pool-ab.sh h2|postgres POOL_SIZE LABEL
# postgres: a local server (port 5432) with user and database govlife (password govlife); the script drops and
# creates the database for each run, through `su postgres -c psql`. Port 18083 must be free. Needs wrk and curl.
set -u
storage=$1; pool=$2; label=$3
work=$(mktemp -d); G=http://127.0.0.1:18083
args=(--server.port=18083 --govlife.data-dir=$work/data --govlife.security.rate-limits.write-burst=1000000
      --govlife.security.rate-limits.writes-per-second=1000000 --spring.datasource.hikari.maximum-pool-size=$pool)
if [ $storage = postgres ]; then
  su postgres -c "psql -XAtq -c 'drop database if exists govlife' -c 'create database govlife owner govlife'" >/dev/null
  args+=(--spring.profiles.active=postgres)
fi
GOVLIFE_BOOTSTRAP_ADMIN_TOKEN=bench-admin java -Xmx512m -jar "$(dirname "$0")/../app/target/govlife.jar" "${args[@]}" > $work/app.log 2>&1 & app=$!
for _ in $(seq 1 300); do curl -sf $G/actuator/health/readiness >/dev/null && break; sleep 0.2; done
token=$(curl -sf -X POST $G/api/admin/tokens -H 'Authorization: Bearer bench-admin' -H 'Content-Type: application/json' -d '{"operator":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
seq 0 999 | xargs -P 8 -I{} curl -sf -o /dev/null -X POST $G/api/govs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"name":"bench-{}","archetype":"SERVICE"}'
cat > $work/ship.lua <<LUA
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
wrk.method = "PUT"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local hex = {}
  for i = 1, 8 do hex[i] = string.format("%08x", math.random(0, 0x7fffffff)) end
  wrk.body = '{"fingerprint":"' .. table.concat(hex) .. '"}'
  return wrk.format(nil, "/api/govs/bench-" .. math.random(0, 999) .. "/services/ATLAS")
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms p99 %.1f ms\n", latency:percentile(50)/1000, latency:percentile(99)/1000))
end
LUA
wrk -t2 -c16 -d60s -s $work/ship.lua $G > /dev/null
wrk -t2 -c16 -d30s -s $work/ship.lua $G > $work/wrk.txt
echo "$label storage=$storage pool=$pool: $(grep Requests/sec $work/wrk.txt) $(grep p50 $work/wrk.txt) $(grep -i 'non-2xx' $work/wrk.txt)"
kill $app; wait $app 2>/dev/null; rm -rf $work
