#!/usr/bin/env python3
"""Score dates and sources of `epinews list --json` against a judged list.

usage: score-dates.py GOLD.tsv LIST.jsonl [--wrong]

GOLD.tsv: file, byte offset, date, evidence, source(s), note (see its header).
Evidence: full = the article states its full date; md = it states month and
day, the year is not in it; none = no date can be read from it. A date is
right when it is the judged one; for md, no date is also right (reading
cannot settle the year); for none, only no date or one marked as inferred.
Sources: any of the '|'-separated names; '?' is not scored.
Prints one line per part: in-sample (odd pages), held out (even pages)."""
import collections
import json
import re
import sys

gold = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8')
        if l.strip() and not l.startswith('#')]
arts = {}
for line in open(sys.argv[2], encoding='utf-8'):
    a = json.loads(line)
    arts[(a['file'].rsplit('/', 1)[-1], a['offset'])] = a
res = collections.defaultdict(collections.Counter)
wrong = []
for f, off, date, ev, src, _note in gold:
    page = int(re.search(r'(\d+)\.txt$', f).group(1))
    part = 'in-sample' if page % 2 else 'held-out'
    r = res[part]
    a = arts.get((f, int(off)))
    if a is None:
        r['n'] += 1
        wrong.append(('missing', f, off))
        continue
    d, inferred = a['date'], a.get('date_from') == 'neighbours'
    ok = d == date if ev == 'full' else (d is None or d == date) if ev == 'md' else (d is None or inferred)
    r['n'] += 1
    r['date_ok'] += ok
    if ev != 'none':
        r['readable'] += 1
        r['exact'] += d == date
    if inferred:
        r['inferred'] += 1
        r['inferred_ok'] += ok
    if not ok:
        wrong.append(('date', f, off, date, ev, d, a.get('date_from')))
    if src != '?':
        r['src_n'] += 1
        good = a['source'] in src.split('|')
        r['src_ok'] += good
        if not good:
            wrong.append(('source', f, off, src, a['source'], a.get('source_from')))
for part in ('in-sample', 'held-out'):
    r = res[part]
    if not r['n']:
        continue
    print(f"{part}: dates {r['date_ok']}/{r['n']} {r['date_ok'] / r['n']:.3f} "
          f"exact {r['exact']}/{r['readable']} inferred {r['inferred']} right {r['inferred_ok']} "
          f"sources {r['src_ok']}/{r['src_n']} {r['src_ok'] / max(1, r['src_n']):.3f}")
if '--wrong' in sys.argv:
    for w in wrong:
        print(*w, sep='\t')
