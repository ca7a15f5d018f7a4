#!/bin/bash
# usage: [CODE=dir] corpus/score.sh tune|test|tune-shapes|test-shapes|tune-blanks|test-blanks
# (the one-line summary of qa eval --segmentation). tune-shapes / test-shapes score that half's
# flat pages re-wrapped by corpus/reshape.py; tune-blanks / test-blanks its pages with their
# blank lines dropped or doubled (corpus/reshape.py --blanks).
cd "$(dirname "$0")/.."
half=$1
dir=corpus/$half
if [[ $half == *-shapes || $half == *-blanks ]]; then
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
  flag=""
  [[ $half == *-blanks ]] && flag="--blanks"
  .venv/bin/python corpus/reshape.py $flag "corpus/${half%-*}" "$dir" >/dev/null
fi
PYTHONPATH=${CODE:-.} .venv/bin/qa eval --segmentation $dir/gold.jsonl --seeds $dir 2>/dev/null | python3 -c "
import json,sys; d=json.load(sys.stdin)
keys=['gold','predicted','found','recall','precision','boundary_start','boundary_end','headline_acc','headline_wrong','headline_unknown','byline_acc','subheadlines_acc','date_acc','publication_acc','kind_acc','issue_date_acc','page_acc']
print('$half', ' '.join(f'{k}={round(d[k],3) if isinstance(d[k],float) else d[k]}' for k in keys if k in d))"
