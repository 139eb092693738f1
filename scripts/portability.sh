#!/usr/bin/env bash
# The same bits on every machine: trains one small fixed plan (two hidden layers, dropout, ±2 px
# shifts, 3,000 MNIST training images, 2 epochs) on every path this machine can run, and compares
# the SHA-256 of each run's weights with the one committed in scripts/portability.sha256:
#   x86-64: the widest SIMD path, AVX2 (-XX:UseAVX=2), 128-bit vectors (-XX:MaxVectorSize=16), no
#           AVX and so no FMA instruction (-XX:UseAVX=0), one thread;
#   any:    the portable kernel (forced, and without --add-modules jdk.incubator.vector);
#   JDK 25: Temurin's, where installed;
#   arm64:  Debian's arm64 JDK under qemu-aarch64, NEON only and with SVE at 256 and 512 bits.
# Usage: scripts/portability.sh [--require-all] [--markdown FILE]
#   --require-all   fail when the arm64 paths cannot run here (CI installs the arm64 JDK and qemu);
#                   JDK 25 runs where it is installed
#   --markdown FILE also write the table as Markdown
# Exit 0 when every path gave the committed digest, 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
require_all=false
markdown=
while [ $# -gt 0 ]; do
  case "$1" in
    --require-all) require_all=true ;;
    --markdown) markdown="$2"; shift ;;
    *) echo "usage: scripts/portability.sh [--require-all] [--markdown FILE]" >&2; exit 2 ;;
  esac
  shift
done

expected="$(cat "$root/scripts/portability.sha256")"
jar="$root/cli-adapter/target/perceptron.jar"
work="$(mktemp -d "${TMPDIR:-/tmp}/portability.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Build if needed, and fetch MNIST if missing, through the launcher.
fetched="$("$root/perceptron" fetch --dataset mnist </dev/null 2>&1 | tail -n 1)"
mnist="${fetched##* in }"
if [ ! -f "$mnist/train-images-idx3-ubyte" ]; then
  echo "portability: MNIST not found ($fetched)" >&2
  exit 1
fi

# The first N images and labels of an IDX file: its magic number, the new count, the other
# dimensions, then N items.
# (head ends the pipe early on purpose: the writer's SIGPIPE is no failure here.)
first_items() { # source target count item_bytes header_bytes
  local count="$3"
  set +o pipefail
  {
    head -c 4 "$1"
    printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $((count >> 24 & 255)) $((count >> 16 & 255)) \
      $((count >> 8 & 255)) $((count & 255)))"
    tail -c +9 "$1" | head -c $(($5 - 8))
    tail -c +$(($5 + 1)) "$1" | head -c $((count * $4))
  } >"$2"
  set -o pipefail
}
data="$work/data"
mkdir -p "$data"
first_items "$mnist/train-images-idx3-ubyte" "$data/train-images-idx3-ubyte" 3000 784 16
first_items "$mnist/train-labels-idx1-ubyte" "$data/train-labels-idx1-ubyte" 3000 1 8
first_items "$mnist/t10k-images-idx3-ubyte" "$data/t10k-images-idx3-ubyte" 500 784 16
first_items "$mnist/t10k-labels-idx1-ubyte" "$data/t10k-labels-idx1-ubyte" 500 1 8

plan=(train --data "$data" --layers 784,64,32,10 --dropout 0.2 --augment shift --epochs 2 --seed 7 --json)
vector=(--add-modules jdk.incubator.vector)
host_java="${JAVA_HOME:+$JAVA_HOME/bin/java}"
host_java="${host_java:-java}"
arm_java="$(ls -d /usr/lib/jvm/java-17-openjdk-arm64/bin/java 2>/dev/null || true)"
jdk25="$(ls -d /usr/lib/jvm/temurin-25-jdk-*/bin/java 2>/dev/null | head -n 1 || true)"
x86=false
case "$(uname -m)" in x86_64 | amd64) x86=true ;; esac

failures=0
rows=()
# run NAME THREADS COMMAND...: one path; records its digest, kernel and time.
run() {
  local name="$1" threads="$2"
  shift 2
  local started ended out digest kernel status
  started=$(date +%s)
  out="$work/$(printf '%s' "$name" | tr -c 'A-Za-z0-9' '_').out"
  if "$@" -jar "$jar" "${plan[@]}" --threads "$threads" -o "$work/model.json" >"$out" 2>"$out.err" \
      && "$@" -jar "$jar" info --model "$work/model.json" >"$out.info" 2>>"$out.err"; then
    digest="$(sed -n 's/.*"weights":"\(sha256:[0-9a-f]*\)".*/\1/p' "$out" | tail -n 1)"
    kernel="$(sed -n 's/^this JVM *//p' "$out.info")"
  else
    digest="failed: $(tail -n 1 "$out.err")"
    kernel="-"
  fi
  ended=$(date +%s)
  if [ "$digest" = "$expected" ]; then status=same; else status=DIFFERENT; failures=$((failures + 1)); fi
  rows+=("$name|$threads|$kernel|$((ended - started)) s|$digest|$status")
  printf '%-34s %s  %s (%s s)\n' "$name" "$status" "$digest" "$((ended - started))" >&2
}
# skip NAME WHY [optional]: a path this machine cannot run.
skip() {
  if $require_all && [ "${3:-}" != optional ]; then
    rows+=("$1|-|-|-|cannot run here: $2|DIFFERENT")
    failures=$((failures + 1))
    printf '%-34s MISSING  %s\n' "$1" "$2" >&2
  else
    rows+=("$1|-|-|-|skipped: $2|-")
    printf '%-34s skipped  %s\n' "$1" "$2" >&2
  fi
}

echo "expected $expected" >&2
run "widest SIMD path" 2 "$host_java" "${vector[@]}"
run "widest SIMD path, one thread" 1 "$host_java" "${vector[@]}"
if $x86; then
  run "x86 AVX2 (-XX:UseAVX=2)" 2 "$host_java" "${vector[@]}" -XX:UseAVX=2
  run "128-bit vectors (-XX:MaxVectorSize=16)" 2 "$host_java" "${vector[@]}" -XX:MaxVectorSize=16
  run "x86 no AVX, no FMA (-XX:UseAVX=0)" 2 "$host_java" "${vector[@]}" -XX:UseAVX=0
fi
run "portable kernel (forced)" 2 "$host_java" "${vector[@]}" -Dperceptron.kernel=portable
run "no --add-modules" 2 "$host_java"
if [ -n "$jdk25" ]; then
  run "JDK 25 (Temurin)" 2 "$jdk25" "${vector[@]}"
else
  skip "JDK 25 (Temurin)" "no /usr/lib/jvm/temurin-25-jdk-*" optional
fi
if [ -n "$arm_java" ] && command -v qemu-aarch64 >/dev/null 2>&1; then
  run "arm64 NEON (qemu)" 2 qemu-aarch64 -cpu max,sve=off "$arm_java" "${vector[@]}"
  run "arm64 SVE 256-bit (qemu)" 2 qemu-aarch64 -cpu max,sve256=on "$arm_java" "${vector[@]}"
  run "arm64 SVE 512-bit (qemu)" 2 qemu-aarch64 -cpu max,sve512=on "$arm_java" "${vector[@]}"
else
  skip "arm64 (qemu)" "needs qemu-user and openjdk-17-jdk-headless:arm64"
fi

if [ -n "$markdown" ]; then
  {
    echo "| path | threads | kernel (as \`info\` says) | time | weights | |"
    echo "|---|---|---|---|---|---|"
    for row in "${rows[@]}"; do
      IFS='|' read -r name threads kernel took digest status <<EOF
$row
EOF
      echo "| $name | $threads | $kernel | $took | \`$digest\` | $status |"
    done
  } >"$markdown"
fi
ran=0
for row in "${rows[@]}"; do
  case "$row" in *"|skipped: "*) ;; *) ran=$((ran + 1)) ;; esac
done
if [ "$failures" -gt 0 ]; then
  echo "portability: $failures path(s) gave other weights than the committed $expected" >&2
else
  echo "portability: every path gave $expected" >&2
fi
echo "portability: $((ran - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
