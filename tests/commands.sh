#!/bin/sh
# The table of subcommands and options (cli/commands.c) against what a user
# reads: every option a command's --help lists is in the top-level usage, in
# the command's own synopsis line and in the man page's SYNOPSIS, and the
# command accepts it; the man page names no option the command lacks. Unknown
# words and options are usage errors that name the nearest right one.
. "$SRCDIR/tests/tap.sh"
E="$EPINEWS"
MAN="$SRCDIR/doc/epinews.1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$E" --help >"$T/usage"
cmds=$(sed -n 's/^ *epinews \([a-z][a-z]*\) .*/\1/p' "$T/usage")
is "$(echo $cmds)" "list show facts places search index mark unmark highlights export" "the usage lists every command"
# a value each kind of argument accepts
value() {
	case $1 in
	K) echo beds ;; P) echo 武汉 ;; Q) echo 床位 ;; N) echo 1 ;; FILE) echo "$T/out" ;; TEXT) echo note ;;
	START:END) echo 0:3 ;; relevance\|date) echo date ;; csv\|jsonl\|md) echo csv ;; *) echo "?" ;;
	esac
}
# the man page's SYNOPSIS lines for a command: from ".B epinews CMD" to ".br"
man_synopsis() { sed -n "/^\.SH SYNOPSIS/,/^\.SH/p" "$MAN" | sed -n "/^\.B epinews $1\$/,/^\.br/p"; }
for cmd in $cmds; do
	"$E" "$cmd" --help >"$T/help" 2>&1
	is "$?:$(head -n 1 "$T/help" | cut -d' ' -f1-3)" "0:usage: epinews $cmd" "$cmd --help: exit 0 and its usage line"
	synopsis=$(head -n 1 "$T/help")
	top=$(awk -v c="$cmd" '/^(usage: )? *epinews / { on = index($0, "epinews " c " ") > 0 } on' "$T/usage")
	man=$(man_synopsis "$cmd")
	[ -n "$man" ]
	ok $? "$cmd: a SYNOPSIS entry in epinews(1)"
	sed -n 's/^  \(-\(.\), \)\{0,1\}--\([a-z-]*\)\( \([^ ]*\)\)\{0,1\}  .*/\3|\2|\5/p' "$T/help" >"$T/opts"
	[ -s "$T/opts" ]
	ok $? "$cmd --help lists its options ($(cut -d'|' -f1 "$T/opts" | tr '\n' ' '))"
	while IFS='|' read -r name short arg; do
		case $synopsis in *"--$name"*) s=1 ;; *"-$short "*) [ -n "$short" ] && s=1 || s=0 ;; *) s=0 ;; esac
		case $top in *"--$name"*) u=1 ;; *"-$short "*) [ -n "$short" ] && u=1 || u=0 ;; *) u=0 ;; esac
		m=0
		printf '%s\n' "$man" | grep -q -e "\\\\-\\\\-$(printf '%s' "$name" | sed 's/-/\\\\\\\\-/g')" && m=1
		[ $m = 0 ] && [ -n "$short" ] && printf '%s\n' "$man" | grep -q -e "\\\\-$short\\b" && m=1
		if [ -n "$arg" ]; then
			"$E" "$cmd" "--$name" "$(value "$arg")" --help >/dev/null 2>"$T/err"
		else
			"$E" "$cmd" "--$name" --help >/dev/null 2>"$T/err"
		fi
		a=$?
		is "$s$u$m:$a" "111:0" "$cmd --$name${arg:+ $arg}: in its synopsis, the usage and epinews(1); accepted"
	done <"$T/opts"
	# the man page's options for the command are all real ones
	for word in $(printf '%s\n' "$man" | grep -o '\\-\\-[a-z\\-]*' | sed 's/\\-/-/g; s/^--//' | sort -u); do
		grep -q "^$word|" "$T/opts"
		ok $? "epinews(1) $cmd --$word: the command has it"
	done
done
"$E" list --jsn data/samples >/dev/null 2>"$T/err"
is "$?:$(head -n 1 "$T/err")" "2:epinews list: unknown option '--jsn' (did you mean --json?)" \
	"a mistyped option: a usage error naming the nearest option"
"$E" facts --kind 2>"$T/err"
is "$?:$(head -n 1 "$T/err")" "2:epinews facts: --kind needs an argument (K)" "an option without its argument says which"
"$E" serach 床位 data/samples >/dev/null 2>"$T/err"
is "$?:$(head -n 1 "$T/err")" "2:epinews: 'serach' is neither a command nor a file or directory (did you mean \"search\"?)" \
	"a mistyped command: a usage error naming the nearest command"
done_testing
