#!/bin/sh
# Hostile names and notes, through every command: files named with terminal
# escapes, C1 controls and BiDi overrides, a note and a config line full of
# them. Whatever is printed (stdout and stderr) must hold no control
# character but tab and newline, no DEL, no C1 control and no BiDi control:
# they are shown (^[, \x9b, <U+202E>) or escaped (JSON), never passed on.
. "$SRCDIR/tests/tap.sh"
command -v python3 >/dev/null || skip_all "python3 is needed to check the bytes"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" HOME="$T"
E="$EPINEWS"
A="$T/archive"
mkdir -p "$A" "$T/config/epinews"
esc=$(printf '\033')
bel=$(printf '\007')
csi=$(printf '\302\233')   # U+009B, the C1 CSI
rlo=$(printf '\342\200\256') # U+202E RIGHT-TO-LEFT OVERRIDE
printf '>>>武汉床位通报\n\n新华社武汉2月3日电 武汉市新增床位100张。\n' >"$A/a${esc}]0;PWNED${bel}.txt"
printf '>>>黄石通报\n\n黄石市新增确诊病例3例。\n' >"$A/b${csi}2J${rlo}txt.evil"
printf '>>>坏文件\n\n\377\376\n' >"$A/c${esc}[2J.txt"
printf 'bind list %s]0;x%s quit\nset theme %s[31m\nsearch ok = 床位\n' "$esc" "$bel" "$esc" >"$T/config/epinews/config"
id=$("$E" list "$A" 2>/dev/null | grep 武汉床位 | cut -f1)

clean() { # clean FILE: the forbidden characters in it, counted
	python3 - "$1" <<'PY'
import sys
b = open(sys.argv[1], 'rb').read()
t = b.decode('utf-8', 'replace').replace('\r\n', '\n')  # CSV lines end in CR LF
bad = [c for c in t if (ord(c) < 0x20 and c not in '\t\n') or ord(c) == 0x7f or 0x80 <= ord(c) <= 0x9f
       or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069 or ord(c) in (0x200e, 0x200f, 0x61c)]
print(len(bad))
PY
}

"$E" mark --article --note "note${esc}]52;c;Y2xpcA==${bel}${rlo}" "$id" "$A" >"$T/mark.out" 2>&1
"$E" mark --fact 1 --note "${csi}31m" "$id" "$A" >>"$T/mark.out" 2>&1
is "$(clean "$T/mark.out")" 0 "mark: nothing obeyed in what it prints"
for cmd in "list" "list --json" "show $id" "show --json $id" "facts" "facts --json" "facts --csv" "places" "places --json" \
	"search 床位" "search --json 床位" "search --count 火星" "search @ok" "index" "highlights" "highlights --json" \
	"export --format csv --highlights" "export --format jsonl --highlights" "export --format md --highlights" \
	"export --format csv --query 床位" "export --format md --query 床位" "bogus-command"; do
	$E $cmd "$A" >"$T/out" 2>&1
	is "$(clean "$T/out")" 0 "$cmd: no control character, C1 or BiDi control in stdout or stderr"
done
"$E" list "$A" 2>&1 | grep -q 'c\^\[\[2J.txt:3:'
ok $? "a hostile file name is shown with its escape made visible (^[)"
"$E" show "$id" "$A" | grep -q '^file: .*a\^\[\]0;PWNED\^G.txt:1'
ok $? "show: the file line, escaped"
"$E" highlights "$A" | grep -q 'note\^\[\]52;c;Y2xpcA==\^G<U+202E>'
ok $? "highlights: a note with escapes is shown escaped"
done_testing
