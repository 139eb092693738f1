#!/usr/bin/env bash
# Half-sent requests against `perceptron serve` on loopback (docs/serve.md, "Why Jetty"): closed at
# once, held open, and kept up for 20 s while a client asks for /healthz. Bounded: 256 connections
# (--connections), 20 s (--seconds), a minute per probe at most; the server is stopped at the end.
#   scripts/serve-half-sent.sh [--model FILE] [--connections N] [--seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."

model=models/mnist.json
connections=256
seconds=20
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    *) echo "usage: $0 [--model FILE] [--connections N] [--seconds S]" >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { echo "serve-half-sent: python3 is needed" >&2; exit 1; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -f "$model" ]; then
  echo "serve-half-sent: no $model; training the default model first" >&2
  ./perceptron train --out "$model" >&2
fi
./perceptron serve --model "$model" --port 0 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
port=""
for _ in $(seq 1 600); do
  port="$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.out")"
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "serve-half-sent: the server did not start on loopback within 60 s" >&2; exit 1; }
echo "# serve half-sent requests: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), port $port"
ulimit -n 4096 2>/dev/null || true
timeout $((seconds + 200)) python3 scripts/serve/half_sent.py "$port" "$connections" "$seconds"
