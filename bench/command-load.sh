# The suite's command load, for the scripts that run it against the packaged jar (flame-graphs.sh, pool-ab.sh):
# sourced, not run. Each request ships a new Atlas fingerprint to one of N govs, as LoadClient does.

# start_govlife URL_PORT DIR [jar options...]: starts app/target/govlife.jar (or GOVLIFE_JAR, e.g. an earlier build for
# an A/B) with its data in DIR (admin token bench-admin, write rate limits out of the way of the load) and waits until
# it is ready; its pid is in $app.
start_govlife() {
  local port=$1 dir=$2; shift 2
  # JVM_OPTS: further JVM options (e.g. for an A/B of the JIT), empty by default
  GOVLIFE_BOOTSTRAP_ADMIN_TOKEN=bench-admin java -Xmx512m ${JVM_OPTS:-} -jar "${GOVLIFE_JAR:-$(dirname "${BASH_SOURCE[0]}")/../app/target/govlife.jar}" \
      --server.port=$port --govlife.data-dir=$dir/data --govlife.security.rate-limits.write-burst=1000000 \
      --govlife.security.rate-limits.writes-per-second=1000000 "$@" > $dir/app.log 2>&1 & app=$!
  for _ in $(seq 1 300); do curl -sf http://127.0.0.1:$port/actuator/health/readiness >/dev/null && return; sleep 0.2; done
  echo "govlife did not get ready: $dir/app.log" >&2; return 1
}

# bench_govs BASE_URL N: an operator token for "bench" and N govs bench-0 … bench-(N-1); prints the token.
bench_govs() {
  local base=$1 n=$2 token
  token=$(curl -sf -X POST $base/api/admin/tokens -H 'Authorization: Bearer bench-admin' \
      -H 'Content-Type: application/json' -d '{"operator":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
  seq 0 $((n - 1)) | xargs -P 8 -I{} curl -sf -o /dev/null -X POST $base/api/govs -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d '{"name":"bench-{}","archetype":"SERVICE"}'
  echo "$token"
}

# ship_script FILE TOKEN N: wrk's Lua script for the load; at the end wrk also prints p50 and p99.
ship_script() {
  cat > $1 <<LUA
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
wrk.method = "PUT"
wrk.headers["Authorization"] = "Bearer $2"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local hex = {}
  for i = 1, 8 do hex[i] = string.format("%08x", math.random(0, 0x7fffffff)) end
  wrk.body = '{"fingerprint":"' .. table.concat(hex) .. '"}'
  return wrk.format(nil, "/api/govs/bench-" .. math.random(0, $3 - 1) .. "/services/ATLAS")
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms p99 %.1f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
}
