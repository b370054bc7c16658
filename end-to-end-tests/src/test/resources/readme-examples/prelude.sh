# The start of each README session of ReadmeExamplesIT; the README's blocks follow it in the same script.
# NTM_STATUS_MAP: one line per line of the script, "<script line> TAB <README line> TAB <statuses announced, a,b>".
# NTM_FAILURES: where each status that breaks the rules is written, for the test to report.
set -euo pipefail

# Whether an HTTP status is what the README line announces: a 5xx, or no answer (000), never is; with nothing
# announced, any status below 400 is.
ntm_status_ok() {
  case $1 in 5??|000) return 1 ;; esac
  if [ -n "$2" ]; then [[ ",$2," == *",$1,"* ]]; else [[ $1 != 4?? ]]; fi
}

# curl as the README calls it, then the status of each transfer checked against the README line it was called from
# (the outermost caller's line, so a curl inside a README's own function is judged by the line that called it).
curl() {
  local line=${BASH_LINENO[-2]} out rc=0 failed=0 status where='' announced=''
  out=$(mktemp)
  command curl "$@" --write-out '%{stderr}@@ntm-status %{http_code}\n' 2>"$out" || rc=$?
  IFS=$'\t' read -r where announced \
    < <(awk -F'\t' -v l="$line" '$1 == l { print $2 "\t" $3; exit }' "$NTM_STATUS_MAP") || true
  grep -v '^@@ntm-status ' "$out" >&2 || true
  for status in $(sed -n 's/^@@ntm-status //p' "$out"); do
    echo "    [curl at README line ${where:-?}: HTTP $status${announced:+ (announced: $announced)}]" >&2
    if ntm_status_ok "$status" "$announced"; then continue; fi
    if [ -n "$announced" ]; then
      echo "README CHECK FAILED: line ${where:-?}: HTTP $status, where the README announces $announced"
    else
      echo "README CHECK FAILED: line ${where:-?}: HTTP $status, which the README does not announce" \
        "(an expected refusal is announced by a comment: # $status …)"
    fi | tee -a "$NTM_FAILURES" >&2
    failed=1
  done
  rm -f "$out"
  [ "$failed" = 0 ] || return 1
  return $rc
}
