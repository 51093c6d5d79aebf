#!/usr/bin/env bash
# A/B of JVM options at start-up: the packaged jar extracted, its CDS archive trained with the ahead-of-time beans (the
# suite's fastest way of starting), then each variant started in turn on the same H2 data directory and timed from
# launch to readiness, ROUNDS times. Prints "round label milliseconds". Used for the start-up levers of 2026-12-05,
# night (BENCHMARKS.md notes):
#   bench/start-up-ab.sh 3 "as-shipped|" "lazy|-Dspring.main.lazy-initialization=true" "c1|-XX:TieredStopAtLevel=1"
#   usage: bench/start-up-ab.sh ROUNDS "label|extra JVM options" ...
# Port 18084 must be free. Needs curl.
set -u
rounds=$1; shift
work=$(mktemp -d); port=18084
jar=$work/extracted/govlife.jar
java -Djarmode=tools -jar "$(dirname "$0")/../app/target/govlife.jar" extract --destination $work/extracted >/dev/null
aot="-XX:SharedArchiveFile=$work/aot.jsa -Xlog:cds=off -Dspring.aot.enabled=true"
# the training start stops once the context is refreshed and writes the archive of the classes it loaded
GOVLIFE_BOOTSTRAP_ADMIN_TOKEN=bench-admin java -Xmx512m -XX:ArchiveClassesAtExit=$work/aot.jsa \
    -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh -jar $jar --server.port=$port \
    --govlife.data-dir=$work/data > $work/training.log 2>&1
# without its archive the JVM would start anyway, silently without class data sharing
[ -f $work/aot.jsa ] || { echo "the training start wrote no archive: $work/training.log" >&2; exit 1; }
for round in $(seq 1 $rounds); do
  for variant in "$@"; do
    label=${variant%%|*}; options=${variant#*|}
    started=$(date +%s%N)
    GOVLIFE_BOOTSTRAP_ADMIN_TOKEN=bench-admin java -Xmx512m $aot $options -jar $jar --server.port=$port \
        --govlife.data-dir=$work/data > $work/$label.log 2>&1 & app=$!
    until curl -sf http://127.0.0.1:$port/actuator/health/readiness >/dev/null; do
      kill -0 $app 2>/dev/null || { echo "$label did not start: $work/$label.log" >&2; exit 1; }
      sleep 0.02
    done
    echo "$round $label $(( ($(date +%s%N) - started) / 1000000 ))"
    kill $app; wait $app 2>/dev/null
  done
done
rm -rf $work
