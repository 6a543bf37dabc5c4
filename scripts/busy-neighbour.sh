#!/usr/bin/env bash
# A noisy neighbour on purpose: a busy loop pinned to one CPU, switched on and off on a fixed
# cycle, each switch logged with its wall-clock time. Run it beside `./loomflux compare` on the
# service's CPU to see the run flag the steps it disturbs and keep them out of every knee and
# verdict (docs/comparison.md, "Interference"). It measures nothing itself.
#
#   scripts/busy-neighbour.sh [--cpu N] [--on SECONDS] [--off SECONDS] [--log FILE]
#   scripts/busy-neighbour.sh --check results/<run> FILE
#
# Defaults: CPU 1 (where `./loomflux compare` pins the service unless told --service-cpus),
# 20 s on, 100 s off, log to stdout. Stops, with the loop, on Ctrl-C or SIGTERM.
# --check reads the run's results.json (each step's window) and the log, and prints every step
# with the share of it the loop was on, the others' share of the service's core the run
# measured and whether the run judged the step valid, then how many steps the loop covered for
# at least half their length and how many of those the run flagged (needs jq).
set -euo pipefail

check() {
  local results="$1/results.json" log="$2"
  command -v jq > /dev/null || { echo "busy-neighbour: --check needs jq" >&2; exit 2; }
  [ -f "$results" ] && [ -f "$log" ] || { echo "busy-neighbour: no $results or no $log" >&2; exit 2; }
  # the loop's spells as [on, off] in epoch ms; a spell still on when the log ends lasts forever
  local spells
  spells=$(awk '/^on /{on=$2} /^off /{if (on) printf "[%s,%s],", on, $2; on=""} END{if (on) printf "[%s,9e15],", on}' "$log")
  printf 'variant\tscenario\trepeat\tstep\tloop on\tothers on the service core\tjudged\n'
  jq -r --argjson spells "[${spells%,}]" '
    .scenarios[] as $run | $run.steps[] | select(.startMillis != null and .endMillis > .startMillis)
    | . as $step
    | (([$spells[] | ([([.[1], $step.endMillis] | min) - ([.[0], $step.startMillis] | max), 0] | max)] | add // 0)
      / ($step.endMillis - $step.startMillis)) as $on
    | [$run.variant, $run.scenario, $run.repeat, .label, "\(($on * 100) | round) %",
       (if .interference.othersOnServiceCores == null then "-"
        else "\((.interference.othersOnServiceCores * 1000 | round) / 10) %" end),
       (.loadGenerator.problem // .interference.problem // "valid")] | @tsv' "$results" \
    | awk -F'\t' '{ print; on = $5 + 0; flagged = ($7 != "valid") }
        on >= 50 { covered++; if (flagged) caught++ }
        on == 0 { clear++; if (flagged) other++ }
        END { printf "%d steps the loop covered for at least half their length, %d of them flagged; %d steps it never touched, %d of them flagged by something else\n", covered, caught, clear, other }'
}

cpu=1
on=20
off=100
log=/dev/stdout
while [ $# -gt 0 ]; do
  case "$1" in
    --cpu) cpu="$2"; shift 2 ;;
    --on) on="$2"; shift 2 ;;
    --off) off="$2"; shift 2 ;;
    --log) log="$2"; shift 2 ;;
    --check) [ $# -eq 3 ] || { echo "usage: busy-neighbour.sh --check results/<run> FILE" >&2; exit 2; }
      check "$2" "$3"; exit 0 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "busy-neighbour: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
command -v taskset > /dev/null || { echo "busy-neighbour: needs taskset (util-linux)" >&2; exit 2; }

loop=""
stop_loop() {
  if [ -n "$loop" ]; then
    kill "$loop" 2> /dev/null || true
    wait "$loop" 2> /dev/null || true
    echo "off $(date +%s%3N)" >> "$log"
    loop=""
  fi
}
trap 'stop_loop; exit 0' INT TERM

echo "# busy loop on CPU $cpu, ${on} s on, ${off} s off; epoch milliseconds" >> "$log"
while :; do
  taskset -c "$cpu" sh -c 'while :; do :; done' &
  loop=$!
  echo "on $(date +%s%3N)" >> "$log"
  sleep "$on" & wait $!  # in the background, so that a signal is handled at once
  stop_loop
  sleep "$off" & wait $!
done
