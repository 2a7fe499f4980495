# Shared by scripts/cold-start and scripts/cli-export-cost: the tree and the
# command they time, and waiting for the servers they start. Source it.
#
# wait_url URL: waits up to 20 s for URL to answer 2xx; returns non-zero if
# it never did.
wait_url() {
  for _ in $(seq 100); do curl -fsS "$1" > /dev/null 2>&1 && return 0; sleep 0.2; done
  return 1
}

# cold_tree BIN WORK:
#   - writes a 1,000-generator × 1 action × 10 template corpus to WORK/tree
#     and builds hypergen's persistent index of it (HYPERGEN_CACHE_DIR);
#   - exports HYGEN_TMPLS and sets cmd (the generator command as an array),
#     args (the same as one string) and reset (a shell command that, run in
#     WORK/p, restores the project the command generates into);
#   - creates WORK/p with the inject target.
cold_tree() {
  local bin=$1 work=$2
  local tree="$work/tree"
  "$bin/hypergen" perf corpus --output "$tree" --generators 1000 --actions 1 --templates 10 --json > "$work/corpus.json"
  mapfile -t cmd < <(jq -r '.commands[0][]' "$work/corpus.json")
  args="${cmd[*]}"
  export HYGEN_TMPLS="$tree/_templates"
  sleep 2.1 # the index trusts no folder changed within the last two seconds
  "$bin/hypergen" perf optimize --json > /dev/null
  mkdir -p "$work/p" && cp "$tree/src/registry.ts" "$work/p/"
  reset="sh -c 'rm -rf src && mkdir src && cp registry.ts src/'"
}
