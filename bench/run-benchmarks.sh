#!/usr/bin/env bash
# In-process benchmarks of the pipeline (BenchmarkDotNet). Never part of CI: timings on a shared machine are noise.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/Handbook.Benchmarks -- --filter '*' "$@"
