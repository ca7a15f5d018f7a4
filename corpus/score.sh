#!/bin/bash
# usage: corpus/score.sh tune|test   (the one-line summary of qa eval --segmentation)
cd "$(dirname "$0")/.."
.venv/bin/qa eval --segmentation corpus/$1/gold.jsonl --seeds corpus/$1 2>/dev/null | python3 -c "
import json,sys; d=json.load(sys.stdin)
keys=['gold','predicted','found','recall','precision','boundary_start','boundary_end','headline_acc','headline_wrong','headline_unknown','byline_acc','subheadlines_acc','date_acc','publication_acc','kind_acc','issue_date_acc','page_acc']
print('$1', ' '.join(f'{k}={round(d[k],3) if isinstance(d[k],float) else d[k]}' for k in keys if k in d))"
