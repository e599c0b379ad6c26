# TAP helpers for the shell tests. Source this file.
n_tests=0
n_failed=0

ok() { # ok CONDITION-EXIT-STATUS NAME
	n_tests=$((n_tests + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n_tests - $2"
	else
		echo "not ok $n_tests - $2"
		n_failed=$((n_failed + 1))
	fi
}

is() { # is GOT WANT NAME
	n_tests=$((n_tests + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $n_tests - $3"
	else
		echo "not ok $n_tests - $3"
		printf '#   got:      %s\n#   expected: %s\n' "$1" "$2" | head -n 40
		n_failed=$((n_failed + 1))
	fi
}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

done_testing() {
	echo "1..$n_tests"
	[ "$n_failed" -eq 0 ]
}
