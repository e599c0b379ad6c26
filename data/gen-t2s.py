#!/usr/bin/env python3
"""Build data/t2s.tsv, the Traditional-to-Simplified character fold, from
OpenCC's TSCharacters dictionary (Apache-2.0, Debian's libopencc-data):
    python3 data/gen-t2s.py > data/t2s.tsv
Each Traditional character folds to the first Simplified character OpenCC gives
for it; only one character to one character, and only where OpenCC does not
also list the character itself (乾 is 干 or 乾: Simplified text writes 乾隆). The
variant tables (TWVariantsRev, HKVariantsRev) are not used: they map characters
Simplified text uses every day (么, 著, 床) to rarer forms. Columns: code point
folded, code point it folds to (decimal, for data/t2s.awk), both characters."""
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
            m[k] = v.split(' ')
        return m


fold = {k: v[0] for k, v in read('TSCharacters.ocd2').items()
        if len(k) == 1 and len(v[0]) == 1 and k not in v}
# a fold's target that is itself folded is folded again (no chains left)
for k in list(fold):
    while fold[k] in fold and fold[fold[k]] != fold[k]:
        fold[k] = fold[fold[k]]
rows = sorted((ord(k), ord(v), k, v) for k, v in fold.items() if k != v and ord(k) < 0x10000 and ord(v) < 0x10000)
sys.stdout.write('# Traditional to Simplified, from OpenCC (Apache-2.0) by data/gen-t2s.py: from, to, characters\n')
for a, b, k, v in rows:
    sys.stdout.write('%d\t%d\t%s\t%s\n' % (a, b, k, v))
