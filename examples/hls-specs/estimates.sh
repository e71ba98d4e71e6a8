#!/usr/bin/env bash
# The HLS estimates against the catalog's measured RTL (docs/BENCHMARKS.md, "HLS estimates"): for each family, the
# default variant (pipeline on, everything unrolled and partitioned) and the one with every pragma off, each designed
# offline as one candidate, its figures read from the run's report.json. Prints one markdown table row per variant.
#   bash examples/hls-specs/estimates.sh [hwforge command]   (default: dotnet run --project Cli --)
set -euo pipefail
hwforge=${1:-dotnet run --project Cli --}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
row() {   # family, then its choices as key: value lines
    local family=$1 name=$2 choices=$3
    printf 'target: hls\nfamily: %s\nparameters:\n%s\n' "$family" "$choices" > "$work/$name.yaml"
    $hwforge design --spec "$work/$name.yaml" --candidates 1 --optimize 0 --calls 200 --seed 1 --out "$work/$name" --json > "$work/$name.json" || true
    jq -r --arg v "$family, $(echo "$choices" | sed 's/^ *//; s/: /=/' | paste -sd' ' -)" '
        .candidates[0].measurement as $m | [$v,
          $m.details["estimated latency"], $m.metrics.latency, $m.details["estimated interval"], $m.details.interval,
          $m.details["estimated multipliers"], ($m.metrics.area // null | if . == null then null else floor end), $m.details.cells]
        | map(if . == null then "?" else tostring end) | "| " + join(" | ") + " |"' "$work/$name.json"
}
echo "| kernel variant | est. latency | measured latency | est. interval | measured interval | est. multipliers | RTL area µm² (osu018) | cells |"
echo "|---|---|---|---|---|---|---|---|"
row fir fir-on       "  pipeline: on"$'\n'"  unroll: full"$'\n'"  partition: complete"
row fir fir-off      "  pipeline: off"$'\n'"  unroll: none"$'\n'"  partition: none"
row gemm_tile gemm-on  "  pipeline: on"$'\n'"  unroll: full"$'\n'"  partition: complete"
row gemm_tile gemm-off "  pipeline: off"$'\n'"  unroll: none"$'\n'"  partition: none"
row softmax_row softmax-on  "  pipeline: on"$'\n'"  unroll: full"$'\n'"  partition: complete"
row softmax_row softmax-off "  pipeline: off"$'\n'"  unroll: none"$'\n'"  partition: none"
row dot dot-on       "  pipeline: on"$'\n'"  unroll: full"$'\n'"  partition: complete"
row dot dot-off      "  pipeline: off"$'\n'"  unroll: none"$'\n'"  partition: none"
row mac mac-on       "  pipeline: on"$'\n'"  inline: on"
row mac mac-off      "  pipeline: off"$'\n'"  inline: off"
