#!/usr/bin/env bash
# The read path integrators use, measured by a load client in its own process (wrk) beside its physical floor in the
# same run: nginx serving the very same bytes as static files. Writes bench/read-path.md.
#
#   mvn -B -DskipTests package && bench/read-path.sh            # RUNS=3 WARMUP=20s MEASURE=10s by default
#
# GOVLIFE_JAR runs another build (an A/B of two jars) and REPORT names another file to write than bench/read-path.md.
#
# Needs wrk and nginx (Debian: apt-get install wrk nginx). Ports 18080 (govlife) and 18081 (nginx) must be free.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}; WARMUP=${WARMUP:-20s}; MEASURE=${MEASURE:-10s}; CONNECTIONS=${CONNECTIONS:-64}
JAR=${GOVLIFE_JAR:-app/target/govlife.jar}
for tool in wrk nginx java curl; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }

work=$(mktemp -d); app=
stop() {  # the service's graceful stop finishes before its data directory goes; nginx stops even if it fails
  if [ -n "$app" ]; then kill $app 2>/dev/null; wait $app 2>/dev/null || true; fi
  [ -f $work/nginx.pid ] && nginx -c $work/nginx.conf -s stop 2>/dev/null || true
  rm -rf $work
}
trap stop EXIT
# waits for a URL to answer, at most a minute, and only while the service runs
await() { for _ in $(seq 1 300); do curl -sf "$1" >/dev/null && return; kill -0 $app 2>/dev/null || break; sleep 0.2; done
          echo "no answer from $1; the service's log:" >&2; tail -20 $work/app.log >&2; exit 1; }
mkdir -p $work/www $work/data $work/tmp
G=http://127.0.0.1:18080; N=http://127.0.0.1:18081; GOV=ethereum.superchain

GOVLIFE_BOOTSTRAP_ADMIN_TOKEN=bench-admin java -Xmx512m -jar $JAR --server.port=18080 \
    --govlife.data-dir=$work/data > $work/app.log 2>&1 & app=$!
await $G/actuator/health/readiness
token=$(curl -sf -X POST $G/api/admin/tokens -H 'Authorization: Bearer bench-admin' \
    -H 'Content-Type: application/json' -d '{"operator":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
write() { curl -sS --fail-with-body -X "$1" "$G$2" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" "${@:4}" -d "$3" >/dev/null; }
fp() { printf "%064d" "$1"; }
write POST /api/govs '{"name":"'$GOV'","archetype":"ECOSYSTEM","description":"OP Stack chains"}'
for i in 1 2 3 4 5 6; do
  write POST /api/govs/$GOV/lattices '{"name":"chain'$i'","chainId":'$((8450 + i))',"fingerprint":"'$(fp $i)'","operatorContact":"ops@chain'$i'.example"}'
done
write PUT /api/govs/$GOV/services/ATLAS '{"fingerprint":"'$(fp 77)'","docsUrl":"https://docs.example/atlas"}'
write POST /api/govs/$GOV/publications '{"notes":"bench"}' -H 'If-Match: "7"'
await $G/api/govs/$GOV/config
etag=$(curl -sfI $G/api/govs/$GOV/config | tr -d '\r' | awk 'tolower($1)=="etag:"{print $2}')
fingerprint=$(echo $etag | tr -d '"')  # the config's entity tag is the published fingerprint

# each answer's own bytes, for nginx to serve as the floor of an answer of that size
curl -sf $G/api/govs/$GOV/config > $work/www/config.json
curl -sf -H 'Accept: text/html' $G/govs/$GOV > $work/www/handshake.html
curl -sf $G/api/fingerprints/$fingerprint > $work/www/lookup.json
cat > $work/nginx.conf <<CONF
worker_processes 2; pid $work/nginx.pid; error_log $work/nginx-error.log; daemon on;
events { worker_connections 1024; }
http { access_log off; types { application/json json; text/html html; }
       client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
       uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
       server { listen 18081; root $work/www; etag on; } }
CONF
nginx -c $work/nginx.conf

declare -A paths=([config]="/api/govs/$GOV/config" [config-304]="/api/govs/$GOV/config"
                  [handshake]="/govs/$GOV" [lookup]="/api/fingerprints/$fingerprint")
declare -A files=([config]=/config.json [config-304]=/config.json [handshake]=/handshake.html [lookup]=/lookup.json)
order=(config config-304 handshake lookup)
load() { # url [header] -> answers/s
  local extra=(); [ -n "${2:-}" ] && extra=(-H "$2")
  wrk -t2 -c$CONNECTIONS -d$3 ${extra[@]+"${extra[@]}"} "$1" | awk '/Requests\/sec/{r=$2} END{printf "%d", r}'
}
header() { case $1 in config-304) echo "If-None-Match: $etag";; handshake) echo "Accept: text/html";; *) echo;; esac; }
nginx_header() { [ "$1" = config-304 ] && echo "If-None-Match: $(curl -sfI $N/config.json | tr -d '\r' | awk 'tolower($1)=="etag:"{print $2}')" || echo; }

declare -A cold
for e in config handshake; do cold[$e]=$(load "$G${paths[$e]}" "$(header $e)" 10s); done
for e in "${order[@]}"; do load "$G${paths[$e]}" "$(header $e)" $WARMUP >/dev/null; done

declare -A gov ngx
for r in $(seq 1 $RUNS); do
  for e in "${order[@]}"; do
    ngx[$e]+="$(load "$N${files[$e]}" "$(nginx_header $e)" $MEASURE) "
    gov[$e]+="$(load "$G${paths[$e]}" "$(header $e)" $MEASURE) "
  done
done
stats() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END{printf "%d %d %d", v[int((NR+1)/2)], v[1], v[NR]}'; }
fmt() { read m lo hi <<< "$1"; printf "%d (%d–%d)" $m $lo $hi; }

out=${REPORT:-bench/read-path.md}
{
  echo "# Read path: govlife beside nginx serving the same bytes"
  echo
  echo "Written by \`bench/read-path.sh\` (RUNS=$RUNS WARMUP=$WARMUP MEASURE=$MEASURE, wrk -t2 -c$CONNECTIONS) — do not edit by hand."
  echo
  echo "- Date: $(date -u +%Y-%m-%d)"
  echo "- Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB memory, $(uname -sr), $(java -version 2>&1 | head -1)"
  echo "- govlife: $([ "$JAR" = app/target/govlife.jar ] && echo "the packaged jar" || echo "$JAR"), embedded H2, -Xmx512m; one gov of 6 lattices and Atlas, published. wrk, nginx and"
  echo "  govlife share the machine's cores. Each figure: median of $RUNS runs of $MEASURE, lowest and highest in brackets,"
  echo "  after $WARMUP of warm-up per path; nginx and govlife alternate run by run."
  echo
  echo "| Path | Bytes (of the 200) | nginx (answers/s) | govlife (answers/s) | govlife ÷ nginx | target |"
  echo "|---|---:|---:|---:|---:|---|"
  for e in "${order[@]}"; do
    n=$(echo "${ngx[$e]}" | stats); g=$(echo "${gov[$e]}" | stats)
    ratio=$(awk -v a="${g%% *}" -v b="${n%% *}" 'BEGIN{if (b > 0) printf "%.1f %%", 100*a/b; else print "n/a"}')
    met=$(awk -v a="${g%% *}" -v b="${n%% *}" 'BEGIN{print (b > 0 && a >= 0.25*b) ? "met" : "missed (≥ 25 %)"}')
    echo "| $e \`${paths[$e]}\` | $(stat -c %s $work/www${files[$e]}) | $(fmt "$n") | $(fmt "$g") | $ratio | $met |"
  done
  echo
  echo "Cold: 10 s of load right after the service answered ready, before any warm-up:"
  echo "config ${cold[config]} answers/s, handshake page ${cold[handshake]} answers/s."
} > $out
cat $out
