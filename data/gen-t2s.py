#!/usr/bin/env python3
"""Build data/t2s.tsv, the Traditional-to-Simplified character fold, from
OpenCC's dictionaries (Apache-2.0, Debian's libopencc-data):
    python3 data/gen-t2s.py > data/t2s.tsv
Each Traditional character (and Taiwan or Hong Kong variant) folds to the first
Simplified character OpenCC gives for it; only one character to one character,
and only where they differ. Columns: code point folded, code point it folds to
(decimal, for data/t2s.awk), both characters."""
import os
import subprocess
import sys
import tempfile

DIR = '/usr/share/opencc'


def read(name):
    with tempfile.TemporaryDirectory() as t:
        out = os.path.join(t, 'd.txt')
        subprocess.run(['opencc_dict', '-i', os.path.join(DIR, name), '-o', out, '-f', 'ocd2', '-t', 'text'],
                       check=True)
        m = {}
        for line in open(out, encoding='utf-8'):
            k, _, v = line.rstrip('\n').partition('\t')
            v = v.split(' ')[0]
            if len(k) == 1 and len(v) == 1:
                m[k] = v
        return m


ts = read('TSCharacters.ocd2')
fold = {}
for variants in ('TWVariantsRev.ocd2', 'HKVariantsRev.ocd2'):
    for k, v in read(variants).items():  # 裡 -> 裏, then 裏 -> 里
        fold[k] = ts.get(v, v)
for k, v in ts.items():
    fold.setdefault(k, v)
# a character both folded and a fold's target is folded again, once (no chains left)
for k in list(fold):
    v = fold[k]
    if v in fold and fold[v] != v:
        fold[k] = fold[v]
rows = sorted((ord(k), ord(v), k, v) for k, v in fold.items() if k != v and ord(k) < 0x10000 and ord(v) < 0x10000)
sys.stdout.write('# Traditional to Simplified, from OpenCC (Apache-2.0) by data/gen-t2s.py: from, to, characters\n')
for a, b, k, v in rows:
    sys.stdout.write('%d\t%d\t%s\t%s\n' % (a, b, k, v))
