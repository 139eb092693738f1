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

. scripts/serve/server.sh
serve_start "$model" serve-half-sent
echo "# serve half-sent requests: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), port $port"
ulimit -n 4096 2>/dev/null || true
timeout $((seconds + 200)) python3 scripts/serve/half_sent.py "$port" "$connections" "$seconds"
