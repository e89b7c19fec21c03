#!/usr/bin/env python3
"""Adds the document date to `score.py input timex` lines: {"id","text"} -> {"id","text","date"}.

TimeML newswire ids carry the document creation time (the DCT that TimeML resolves relative dates against):
"APW19980807.0261" was written on 1998-08-07, "NYT20000406.0002" on 2000-04-06. A line whose id holds no
such date (one id has nine digits, "APW199980817") passes through unchanged. Reads stdin, writes stdout.
"""
import json
import re
import sys

for line in sys.stdin:
    if not line.strip():
        continue
    o = json.loads(line)
    m = re.match(r"[A-Z]+(\d{4})(\d\d)(\d\d)\.", str(o.get("id", "")))
    if m:
        o["date"] = "-".join(m.groups())
    print(json.dumps(o, ensure_ascii=False))
