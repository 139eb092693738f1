# Sourced by the serve scripts: a scratch directory, and `perceptron serve` on a free loopback
# port, stopped with SIGTERM when the script exits.
#   serve_start MODEL NAME   trains the default model into MODEL when it is missing, starts the
#                            server, and sets server_pid, url (http://127.0.0.1:PORT/) and port

work="$(mktemp -d)"
server_pid=""
serve_cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap serve_cleanup EXIT

serve_start() {
  local model="$1" name="$2"
  if [ ! -f "$model" ]; then
    echo "$name: no $model; training the default model first" >&2
    ./perceptron train --out "$model" >&2
  fi
  ./perceptron serve --model "$model" --port 0 >"$work/serve.out" 2>"$work/serve.err" &
  server_pid=$!
  url=""
  for _ in $(seq 1 600); do
    url="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/serve.out")"
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$url" ] || { echo "$name: the server did not start within 60 s" >&2; exit 1; }
  case "$url" in http://127.0.0.1:*) ;; *) echo "$name: not loopback: $url" >&2; exit 1 ;; esac
  port="${url#http://127.0.0.1:}"
  port="${port%/}"
}
