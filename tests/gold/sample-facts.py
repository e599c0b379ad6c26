#!/usr/bin/env python3
"""Choose the articles of ../shared/corpus/cnr whose measures are judged by hand
in tests/gold/cnr-facts.tsv. The choice does not depend on the extractor: per
half (odd pages, even pages), 50 articles drawn at random (seed 14) from those
of at most 2,500 characters whose text names an epidemic word and a counted
figure, and 10 drawn from all articles of at most 2,500 characters.

Round 2 (tests/gold/cnr-facts-dev2.tsv) is a second development sample, drawn
after the first round's rules were written, to see how they hold on odd-page
text they were not written from: 40 more articles of the odd pages, 32 with an
epidemic word and a figure and 8 from all, none of round 1 (seed 15).
Round 3 (tests/gold/cnr-facts-dev3.tsv), drawn after the rules of round 2: 40
more odd-page articles, 36 with an epidemic word and a figure and 4 from all,
none of rounds 1 and 2 (seed 16). Round 4 (cnr-facts-dev4.tsv), after round
3's rules: 12 more, 10 with an epidemic word and a figure and 2 from all (seed 17).

usage: sample-facts.py LIST.jsonl CORPUS_DIR [--round 2|3|4]
  (LIST from `epinews list --json`)
Prints: file, offset, id, one line each."""
import json
import random
import re
import sys

WORDS = re.compile('确诊|病例|隔离|床位|核酸|检测|密切接触|出院|医疗队|捐赠|口罩|物资|志愿者|疫苗')
FIGURE = re.compile('[0-9０-９一二三四五六七八九十百千万]+(余|多)?(例|人|名|张|个|家|处|件|元|万)')

arts = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
raw = {}
def block(a):
    f = a['file'].rsplit('/', 1)[-1]
    if f not in raw:
        raw[f] = open(sys.argv[2] + '/' + f, 'rb').read()
    b = raw[f]
    end = b.find(b'\n>>>', a['offset'] + 1)
    return b[a['offset']:end if end > 0 else len(b)].decode('utf-8', 'replace')

def page(a):
    return int(re.search(r'(\d+)\.txt$', a['file']).group(1))


def show(pick):
    for a in sorted(pick, key=lambda a: (page(a), a['offset'])):
        print('%s\t%d\t%s' % (a['file'].rsplit('/', 1)[-1], a['offset'], a['id']))


ROUND = int(sys.argv[sys.argv.index('--round') + 1]) if '--round' in sys.argv else 1
rng = random.Random(14)
taken = []
for half in (1, 0):
    pool = [a for a in arts if page(a) % 2 == half
            and a['chars'] <= 2500]
    hot = [a for a in pool if WORDS.search(block(a)) and FIGURE.search(block(a))]
    pick = rng.sample(hot, 50)
    rest = [a for a in pool if a not in pick]
    pick += rng.sample(rest, 10)
    taken += pick
    if ROUND == 1:
        show(pick)
for rnd, seed, nhot, nrest in ((2, 15, 32, 8), (3, 16, 36, 4), (4, 17, 10, 2)):
    if ROUND < rnd:
        break
    rng = random.Random(seed)
    pool = [a for a in arts if page(a) % 2 == 1 and a['chars'] <= 2500 and a not in taken]
    hot = [a for a in pool if WORDS.search(block(a)) and FIGURE.search(block(a))]
    pick = rng.sample(hot, nhot)
    rest = [a for a in pool if a not in pick]
    pick += rng.sample(rest, nrest)
    taken += pick
    if ROUND == rnd:
        show(pick)
