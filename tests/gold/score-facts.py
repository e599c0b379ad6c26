#!/usr/bin/env python3
"""Score `epinews facts --json` against measures judged by hand.

usage: score-facts.py GOLD.tsv LIST.jsonl FACTS.jsonl [--wrong]

GOLD.tsv: file, offset, kind, value, qualifier, place, date[, note] (see its
header). LIST gives each article's id from its file and offset; FACTS holds
the measures found. In each judged article a found measure is right when a
judged one has its kind, value and qualifier (each judged one is used once;
among equals, the one whose place and date also agree is taken first).
Prints one line per part that has judged articles (in-sample: odd pages;
held-out: even pages):
  PART: P TP/FOUND RATE R TP/JUDGED RATE place OK/N RATE date OK/N RATE
--wrong lists what was missed, found wrongly, or placed or dated wrongly."""
import collections
import json
import re
import sys

SUFFIXES = ('维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '自治州',
            '地区', '省', '市', '区', '县')


def norm_place(p):
    if p is None:
        return '-'
    for s in SUFFIXES:
        if p.endswith(s) and len(p) > len(s) + 1:
            return p[:-len(s)]
    return p


def md(d):
    return d[5:] if d and len(d) == 10 else (d[2:] if d and d.startswith('--') else '-')


def main():
    gold = collections.defaultdict(list)
    for line in open(sys.argv[1], encoding='utf-8'):
        if not line.strip() or line.startswith('#'):
            continue
        f = line.rstrip('\n').split('\t')
        f += [''] * (8 - len(f))
        gold[(f[0], int(f[1]))].append(f[2:7])
    ids = {}
    for line in open(sys.argv[2], encoding='utf-8'):
        a = json.loads(line)
        ids[(a['file'].rsplit('/', 1)[-1], a['offset'])] = a['id']
    found = collections.defaultdict(list)
    for line in open(sys.argv[3], encoding='utf-8'):
        x = json.loads(line)
        found[x['article']].append(x)
    res = collections.defaultdict(collections.Counter)
    wrong = []
    for (f, off), rows in sorted(gold.items()):
        page = int(re.search(r'(\d+)\.txt$', f).group(1))
        r = res['in-sample' if page % 2 else 'held-out']
        judged = [g for g in rows if g[0] != '-']
        facts = found.get(ids.get((f, off)), [])
        r['judged'] += len(judged)
        r['found'] += len(facts)
        free = list(judged)

        def same(g, x):
            q = x['qualifier'] or '-'
            return g[0] == x['kind'] and abs(float(g[1]) - x['value']) < 1 and g[2] == q

        def agrees(g, x):
            return (g[3] == '?' or norm_place(g[3]) == norm_place(x['place'])) and \
                   (g[4] == '?' or g[4] == md(x['date']))
        pairs = []
        for want_agree in (True, False):
            for x in facts:
                if any(x is p[1] for p in pairs):
                    continue
                for g in free:
                    if same(g, x) and (agrees(g, x) or not want_agree):
                        pairs.append((g, x))
                        free.remove(g)
                        break
        r['tp'] += len(pairs)
        for g, x in pairs:
            if g[3] != '?':
                r['place_n'] += 1
                ok = norm_place(g[3]) == norm_place(x['place'])
                r['place_ok'] += ok
                if not ok:
                    wrong.append(('place', f, off, g[0], g[1], g[3], x['place'] or '-', x['sentence'][:60]))
            if g[4] != '?':
                r['date_n'] += 1
                ok = g[4] == md(x['date'])
                r['date_ok'] += ok
                if not ok:
                    wrong.append(('date', f, off, g[0], g[1], g[4], x['date'] or '-', x['sentence'][:60]))
        for g in free:
            wrong.append(('missed', f, off, g[0], g[1], g[2], g[3], g[4]))
        used = [p[1] for p in pairs]
        for x in facts:
            if not any(x is u for u in used):
                wrong.append(('extra', f, off, x['kind'], str(x['value']), x['qualifier'] or '-',
                              x['text'], x['sentence'][:60]))
    if '--wrong' in sys.argv:
        for w in wrong:
            print('\t'.join(str(v) for v in w))
        return

    def rate(a, b):
        return '%.3f' % (a / b) if b else '1.000'
    for part in ('in-sample', 'held-out'):
        if part not in res:
            continue
        r = res[part]
        print('%s: P %d/%d %s R %d/%d %s place %d/%d %s date %d/%d %s' % (
            part, r['tp'], r['found'], rate(r['tp'], r['found']), r['tp'], r['judged'],
            rate(r['tp'], r['judged']), r['place_ok'], r['place_n'], rate(r['place_ok'], r['place_n']),
            r['date_ok'], r['date_n'], rate(r['date_ok'], r['date_n'])))


main()
