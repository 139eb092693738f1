#!/usr/bin/env bash
# Load test of `perceptron serve` on loopback with wrk: single-image JSON predictions from 32
# connections, at least 100,000 requests per run, three runs; requests/s, p50/p99 latency, errors,
# and the server's resident memory before and after each run. Bounded: each run lasts SECONDS
# (default 30), the whole script at most a few minutes, and the server is stopped at the end.
#
#   scripts/serve-load.sh [--model FILE] [--seconds N] [--connections N]
#
# Needs wrk (Debian: apt-get install wrk) and python3 (to write the request body from the MNIST
# test set). Trains the default model first when no model file exists. For the AVX2 path on an
# AVX-512 machine: PERCEPTRON_JAVA_OPTS=-XX:UseAVX=2 scripts/serve-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."

model=models/mnist.json
seconds=30
connections=32
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    *) echo "usage: $0 [--model FILE] [--seconds N] [--connections N]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "serve-load: wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "serve-load: python3 is needed to write the request body" >&2; exit 1; }

. scripts/serve/server.sh
./perceptron fetch --dataset mnist >&2
data="${PERCEPTRON_DATA:-$HOME/.cache/perceptron}/mnist/t10k-images-idx3-ubyte"

# The body: MNIST test image 0 as {"pixels": [[784 values in 0..1]]}.
python3 - "$data" "$work/body.json" <<'PY'
import json, sys
raw = open(sys.argv[1], 'rb').read()
pixels = [b / 255 for b in raw[16:16 + 784]]
json.dump({"pixels": [pixels]}, open(sys.argv[2], 'w'))
PY

serve_start "$model" serve-load

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status"; }
value() { sed -n "s/^$1 //p" "$2"; }

cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
simd="$(grep -o 'avx512f\|avx2' /proc/cpuinfo | sort -u | tr '\n' ' ')"
echo "# serve load: $(nproc) CPUs ($cpu; $simd), ${PERCEPTRON_JAVA_OPTS:-default JVM options}, $connections connections, ${seconds} s per run"
echo "# model $model; wrk and the server share the machine"
BODY_FILE="$work/body.json" timeout 30 wrk -t2 -c"$connections" -d5s -s scripts/serve/predict.lua "${url}v1/predict" >/dev/null
echo
echo "| run | requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors | RSS before MB | RSS after MB |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for run in 1 2 3; do
  before="$(rss_mb)"
  BODY_FILE="$work/body.json" timeout $((seconds + 30)) wrk -t2 -c"$connections" -d"${seconds}s" --latency \
    -s scripts/serve/predict.lua "${url}v1/predict" >"$work/run$run.txt"
  after="$(rss_mb)"
  r="$work/run$run.txt"
  echo "| $run | $(value requests "$r") | $(value rps "$r") | $(value p50_ms "$r") | $(value p90_ms "$r") | $(value p99_ms "$r") | $(value max_ms "$r") | $(value errors "$r") | $before | $after |"
  if [ "$(value requests "$r")" -lt 100000 ]; then
    echo "serve-load: run $run made fewer than 100,000 requests; use --seconds $((seconds * 2))" >&2
  fi
done

kill -TERM "$server_pid"
wait "$server_pid" && status=0 || status=$?
server_pid=""
echo
echo "server stopped on SIGTERM with exit code $status"
