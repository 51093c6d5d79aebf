#!/usr/bin/env bash
# A/B of one setting of the command path: the packaged jar on a fresh database, wrk -t2 -c16 (its own process)
# shipping a new Atlas fingerprint to one of 1,000 govs per request, 60 s of warm-up, then 30 s measured. Prints the
# rate and p50/p99. Used for the connection pool (BENCHMARKS.md notes, 2026-12-05):
#   for run in 1 2; do bench/pool-ab.sh h2 10 run$run; bench/pool-ab.sh h2 32 run$run; done
#   usage: bench/pool-ab.sh h2|postgres POOL_SIZE LABEL [SETTING...]   (WARMUP=60s and MEASURE=30s by default)
# Any further arguments go to the jar as they are, so any other setting is A/B'd the same way, e.g.
#   bench/pool-ab.sh h2 32 no-axon-metrics --axon.metrics.micrometer.enabled=false
# postgres: a local server (port 5432) with user and database govlife (password govlife); the script drops and
# creates the database for each run, through `su postgres -c psql`. Port 18083 must be free. Needs wrk and curl.
set -u
source "$(dirname "$0")/command-load.sh"
storage=$1; pool=$2; label=$3
work=$(mktemp -d); G=http://127.0.0.1:18083
args=(--spring.datasource.hikari.maximum-pool-size=$pool "${@:4}")
if [ $storage = postgres ]; then
  su postgres -c "psql -XAtq -c 'drop database if exists govlife' -c 'create database govlife owner govlife'" >/dev/null
  args+=(--spring.profiles.active=postgres)
fi
start_govlife 18083 $work "${args[@]}"
token=$(bench_govs $G 1000)
ship_script $work/ship.lua "$token" 1000
wrk -t2 -c16 -d${WARMUP:-60s} -s $work/ship.lua $G > /dev/null
wrk -t2 -c16 -d${MEASURE:-30s} -s $work/ship.lua $G > $work/wrk.txt
echo "$label storage=$storage pool=$pool ${*:4}: $(grep Requests/sec $work/wrk.txt) $(grep p50 $work/wrk.txt) $(grep -i 'non-2xx' $work/wrk.txt)"
kill $app; wait $app 2>/dev/null || true; rm -rf $work
