#!/bin/sh
# Run every fuzz target for SECONDS (default 60) from a seed corpus of the fixtures,
# samples and seeds. Prints executions per target; exits 1 on any crash, whose input
# is left in tests/fuzz/crashes/.
#   tests/fuzz/run.sh SRCDIR BUILDDIR [SECONDS]
set -u
src=$1
build=$2
secs=${3:-60}
work="$build/tests/fuzz/work"
mkdir -p "$work" "$build/tests/fuzz/crashes"
failed=0
for t in load json html csv page encoding cnum facts config layout query cache highlights; do
	corpus="$work/corpus-$t"
	mkdir -p "$corpus"
	case $t in
	query) # seeds: queries of every kind
		i=0
		for q in '武汉 床位' 'a OR b' '-武汉 (床位 | 隔离)' '"exact phrase"' 'place:武汉' 'city:wuhan' \
			'date:2020-02' 'date:2020-02-01..2020-02-15' 'after:2020 before:2021-03' 'source:新华社' \
			'kind:beds' 'beds>1000' 'confirmed>=100' 'ＣＯＶＩＤ' '𠀀'; do
			i=$((i + 1)); printf '%s' "$q" >"$corpus/seed-$i"
		done ;;
	highlights) # seeds: stores written for the harness's archive, and a broken one
		printf '%s' '{"epinews_highlights":1,"highlights":[{"type":"fact","article":"00000000","title":"武汉已设置集中隔离点","quote":"132个","start":40,"end":47,"kind":"isolation_sites","value":132,"note":"n","created":1}]}' >"$corpus/seed-1"
		printf '%s' '{"epinews_highlights":1,"highlights":[{"type":"passage","article":"x","title":"成都新增确诊","quote":"第二段","start":0,"end":9,"note":null,"created":0},{"type":"article","article":"y","title":"t","start":0,"end":0}]}' >"$corpus/seed-2"
		printf '%s' '{"epinews_highlights":1,"highlights":[' >"$corpus/seed-3" ;;
	cache) # seed: a valid cache of the harness's own archive
		EPINEWS_FUZZ_SEED="$corpus/seed.cache" "$build/tests/fuzz/fuzz_$t" >/dev/null 2>&1 ;;
	*) # seeds: our fixtures and samples, the shared seeds when present
		find "$src/tests/fixtures" "$src/data/samples" "$src/../shared/seeds" -type f -size -200k 2>/dev/null |
			while read -r f; do cp "$f" "$corpus/" 2>/dev/null; done ;;
	esac
	[ -d "$src/tests/fuzz/regressions" ] && cp "$src"/tests/fuzz/regressions/"$t"-* "$corpus/" 2>/dev/null
	"$build/tests/fuzz/fuzz_$t" -max_total_time="$secs" -dict="$src/tests/fuzz/zh.dict" -max_len=65536 \
		-artifact_prefix="$build/tests/fuzz/crashes/$t-" -print_final_stats=1 "$corpus" \
		>"$work/$t.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log")
	if [ $rc -ne 0 ]; then
		echo "fuzz_$t: CRASH after ${execs:-?} executions (see $work/$t.log)"
		grep -m 5 -E 'ERROR|SUMMARY|runtime error' "$work/$t.log"
		failed=1
	else
		echo "fuzz_$t: ${execs:-?} executions in ${secs}s, no crash"
	fi
done
exit $failed
