#!/usr/bin/env bash
# Handbook against Hugo, whole processes (start-up included), on the same Markdown: the repository's own handbook and generated
# corpora of PAGES pages in folders of 50 (seeded, deterministic). Runs both, and the Markdig-only floor (bench/MarkdigFloor,
# Native AOT), alternately after a warm-up and prints, per size, the median wall time, CPU time, peak memory and output size of
# each and their ratios; then the `handbook serve` edit latency on the 1,000-page corpus. Never part of CI: on a shared machine only ratios measured in the same run mean anything.
# Usage: bench/whole-process.sh [--runs N] [--no-serve] [SIZE...]   SIZE is "repo" or a page count (default: repo 1000)
# Needs: hugo (apt-get install hugo), python3, clang and lld for the Native AOT tool (apt-get install clang lld).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
serve=1
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-serve) serve=0; shift ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(repo 1000)
work="${TMPDIR:-/tmp}/handbook-whole-process"
mkdir -p "$work"

# The form users run: the Native AOT binary that the tool package for this platform holds (see .ci/run).
rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
rm -rf "$work/tool"
dotnet publish src/Handbook.Cli -c Release -r "$rid" -o "$work/tool" --nologo -v q >/dev/null
rm -rf "$work/floor"
dotnet publish bench/MarkdigFloor -c Release -r "$rid" -o "$work/floor" --nologo -v q >/dev/null
dotnet build bench/Handbook.Benchmarks -c Release --nologo -v q >/dev/null
bench="dotnet bench/Handbook.Benchmarks/bin/Release/net10.0/Handbook.Benchmarks.dll"
echo "handbook: Native AOT ($rid), $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'); $(hugo version | cut -d' ' -f1-2)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"

projects=()
for size in "${sizes[@]}"; do
  if [ "$size" = repo ]; then
    project="$PWD"
  else
    project="$work/corpus-$size"
    $bench corpus "$size" "$project"
  fi
  $bench hugo "$project" "$work/hugo-$size"
  projects+=("$size=$project")
done

python3 bench/compare.py --work "$work" --handbook "$work/tool/handbook" --floor "$work/floor/MarkdigFloor" --runs "$runs" "${projects[@]}"
if [ "$serve" = 1 ]; then
  [ -d "$work/corpus-1000" ] || $bench corpus 1000 "$work/corpus-1000"
  python3 bench/serve_latency.py --handbook "$work/tool/handbook" --project "$work/corpus-1000" --saves 20
fi
