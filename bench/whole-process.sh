#!/usr/bin/env bash
# Whole-process timing of `handbook build` (start-up included) at several sizes, with hyperfine when installed.
# Optionally compares with Hugo on the same Markdown (apt-get install hugo): ratios measured in the same run are what count.
# Usage: bench/whole-process.sh [PAGES...]   (default: 15 200 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(15 200 1000); fi
work="${TMPDIR:-/tmp}/handbook-whole-process"
mkdir -p "$work"

# The form users install: the Native AOT tool package for this platform (needs clang and lld: apt-get install clang lld).
# Without a C toolchain, the next best shipped-capable form is measured instead, and named, so results are never mislabelled.
rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
rm -rf "$work/tool"
if command -v clang >/dev/null 2>&1; then
  form="Native AOT ($rid)"
  dotnet publish src/Handbook.Cli -c Release -r "$rid" -o "$work/tool" --nologo -v q >/dev/null
else
  form="ReadyToRun, framework-dependent ($rid): install clang and lld to measure the Native AOT tool"
  dotnet publish src/Handbook.Cli -c Release -r "$rid" --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true -o "$work/tool" --nologo -v q >/dev/null
fi
dotnet build bench/Handbook.Benchmarks -c Release --nologo -v q >/dev/null
handbook="$work/tool/handbook"
echo "handbook: $form"

for pages in "${sizes[@]}"; do
  project="$work/corpus-$pages"
  dotnet bench/Handbook.Benchmarks/bin/Release/net10.0/Handbook.Benchmarks.dll corpus "$pages" "$project"
  echo "== $pages pages"
  commands=("$handbook build $project -o $work/out-$pages")
  if command -v hugo >/dev/null 2>&1; then
    # Hugo gets the same Markdown as a plain content folder with its built-in defaults.
    hugo_site="$work/hugo-$pages"
    rm -rf "$hugo_site" && mkdir -p "$hugo_site/content" "$hugo_site/layouts/_default"
    cp "$project"/content/*.md "$hugo_site/content/"
    printf 'baseURL = "http://localhost/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n' > "$hugo_site/hugo.toml"
    printf '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><nav>{{ range .Site.RegularPages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav><main>{{ .TableOfContents }}{{ .Content }}</main></body></html>\n' > "$hugo_site/layouts/_default/single.html"
    cp "$hugo_site/layouts/_default/single.html" "$hugo_site/layouts/_default/list.html"
    commands+=("hugo --quiet --source $hugo_site --destination $work/hugo-out-$pages")
  fi
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 2 --runs 10 "${commands[@]}"
  else
    for command in "${commands[@]}"; do
      start=$(date +%s%N); for _ in 1 2 3 4 5; do $command >/dev/null; done; end=$(date +%s%N)
      echo "$command: $(( (end - start) / 5000000 )) ms per run (mean of 5)"
    done
  fi
done
