#!/bin/sh
# Build the libFuzzer targets with clang: tests/fuzz/build.sh SRCDIR BUILDDIR
set -eu
src=$1
build=$2
CC=${FUZZ_CC:-clang}
xml_cflags=$(pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -I$src -I$build -include $build/config.h $xml_cflags"
core=$(ls "$src"/core/*.c | grep -v '/places_data\.c$')
ui="$src/keymaps/actions.c $src/keymaps/keymap.c $src/keymaps/config.c $src/widgets/textlayout.c"
mkdir -p "$build/tests/fuzz"
for t in load json html csv page encoding cnum facts config layout query cache highlights; do
	echo "  FUZZ     tests/fuzz/fuzz_$t"
	extra=
	[ "$t" = cache ] && extra=-DEPINEWS_FUZZ_NO_CHECKSUM
	# shellcheck disable=SC2086
	$CC $flags $extra -o "$build/tests/fuzz/fuzz_$t" "$src/tests/fuzz/fuzz_$t.c" $core "$build/core/places_data.c" \
		$ui -lcjson -lxml2 -lunistring -lncursesw
done
