#include "encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

const char *encoding_name(enum encoding enc)
{
	switch (enc) {
	case ENC_UTF8: return "UTF-8";
	case ENC_UTF8_BOM: return "UTF-8 (BOM)";
	case ENC_UTF16LE: return "UTF-16LE";
	case ENC_UTF16BE: return "UTF-16BE";
	case ENC_GB18030: return "GB18030";
	}
	return "?";
}

static void map_line(struct decoded *d, uint64_t dec, uint64_t raw)
{
	if (d->nlines == d->caplines) {
		size_t cap = d->caplines;
		d->dec_line = xgrow(d->dec_line, &cap, d->nlines + 1, sizeof *d->dec_line);
		d->raw_line = xrealloc(d->raw_line, cap * sizeof *d->raw_line);
		d->caplines = cap;
	}
	d->dec_line[d->nlines] = dec;
	d->raw_line[d->nlines] = raw;
	d->nlines++;
}

static int looks_binary(const unsigned char *p, size_t n)
{
	size_t sample = n < 65536 ? n : 65536, nul = 0, ctl = 0;
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full, highs = 0x8080808080808080ull;
	for (size_t i = 0; i < sample;) {
		/* eight bytes at a time while the only byte below 0x20 is '\n' */
		if (i + 8 <= sample) {
			uint64_t w, e;
			memcpy(&w, p + i, 8);
			e = w ^ 0x0A0A0A0A0A0A0A0Aull;
			uint64_t below20 = ~(((w & low7) + 0x6060606060606060ull) | w) & highs;
			uint64_t newline = ~(((e & low7) + low7) | e | low7); /* exact */
			if (!(below20 & ~newline)) {
				i += 8;
				continue;
			}
		}
		size_t end = i + 8 < sample ? i + 8 : sample;
		for (; i < end; i++) {
			unsigned c = p[i];
			if (c == 0)
				nul++;
			else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B)
				ctl++;
		}
	}
	return sample && (nul * 64 > sample || ctl * 10 > sample);
}

/* A sequence replaced by U+FFFD, which ends at byte `at` of the text so far:
 * counted, and the first one's place kept for the message. */
static void note_bad(struct decoded *d, size_t at)
{
	if (!d->replaced++)
		d->first_bad = at;
}

/* UTF-8 in, clean UTF-8 out: CR and CRLF become LF, invalid bytes U+FFFD. */
static void copy_utf8(const unsigned char *p, size_t n, uint64_t base, struct decoded *d, int need_map)
{
	struct strbuf sb = STRBUF_INIT;
	sb_reserve(&sb, n);
	if (need_map)
		map_line(d, 0, base);
	size_t i = 0;
	while (i < n) {
		/* copy the longest run that needs no change in one go */
		size_t j = i;
		while (j < n) {
			if (p[j] >= 0x20 && p[j] < 0x80) {
				j++;
				continue;
			}
			if (utf8_is_cjk3(p + j, n - j)) {
				j += 3;
				continue;
			}
			if (p[j] < 0x80)
				break;
			uint32_t cp;
			size_t k = utf8_decode(p + j, n - j, &cp);
			if (!k)
				break;
			j += k;
		}
		sb_add(&sb, p + i, j - i);
		i = j;
		if (i >= n)
			break;
		unsigned c = p[i];
		if (c == '\r' || c == '\n') {
			i += (c == '\r' && i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
			sb_addc(&sb, '\n');
			if (need_map)
				map_line(d, sb.len, base + i);
		} else if (c < 0x80) {
			sb_addc(&sb, (char)c);
			i++;
		} else {
			uint32_t cp;
			size_t k = utf8_decode(p + i, n - i, &cp);
			if (k) {
				sb_add(&sb, p + i, k);
				i += k;
			} else {
				sb_addcp(&sb, 0xFFFD);
				note_bad(d, sb.len);
				i++;
			}
		}
	}
	d->len = sb.len;
	d->text = sb_detach(&sb);
}

static void decode_utf16(const unsigned char *p, size_t n, int be, struct decoded *d)
{
	struct strbuf sb = STRBUF_INIT;
	sb_reserve(&sb, n + n / 2);
	map_line(d, 0, 2);
	size_t i = 2; /* past the BOM */
	int pending_cr = 0;
	while (i + 1 < n) {
		uint32_t u = be ? (uint32_t)(p[i] << 8 | p[i + 1]) : (uint32_t)(p[i + 1] << 8 | p[i]);
		i += 2;
		if (pending_cr && u == '\n') {
			pending_cr = 0;
			d->raw_line[d->nlines - 1] = i;
			continue;
		}
		pending_cr = 0;
		if (u >= 0xD800 && u <= 0xDBFF) {
			uint32_t lo = 0;
			if (i + 1 < n)
				lo = be ? (uint32_t)(p[i] << 8 | p[i + 1]) : (uint32_t)(p[i + 1] << 8 | p[i]);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				i += 2;
				sb_addcp(&sb, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
			} else {
				sb_addcp(&sb, 0xFFFD);
				note_bad(d, sb.len);
			}
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			sb_addcp(&sb, 0xFFFD);
			note_bad(d, sb.len);
		} else if (u == '\r' || u == '\n') {
			pending_cr = (u == '\r');
			sb_addc(&sb, '\n');
			map_line(d, sb.len, i);
		} else {
			sb_addcp(&sb, u);
		}
	}
	if (i < n) { /* odd trailing byte */
		sb_addcp(&sb, 0xFFFD);
		note_bad(d, sb.len);
	}
	d->len = sb.len;
	d->text = sb_detach(&sb);
}

/* GB18030 to UTF-8; an invalid or cut sequence becomes U+FFFD and counts in
 * d->replaced. -1 only when iconv has no GB18030. */
static int decode_gb18030(const unsigned char *p, size_t n, struct decoded *d)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return -1;
	struct strbuf sb = STRBUF_INIT;
	sb_reserve(&sb, n + n / 2);
	size_t start = 0;
	d->replaced = 0;
	map_line(d, 0, 0);
	while (start <= n) {
		const unsigned char *nl = memchr(p + start, '\n', n - start);
		size_t end = nl ? (size_t)(nl - p) : n;
		size_t len = end;
		if (len > start && p[len - 1] == '\r')
			len--;
		char *in = (char *)(p + start);
		size_t inleft = len - start;
		while (inleft) {
			sb_reserve(&sb, inleft * 2 + 16);
			char *out = sb.s + sb.len;
			size_t outleft = sb.cap - sb.len - 1;
			size_t r = iconv(cd, &in, &inleft, &out, &outleft);
			sb.len = (size_t)(out - sb.s);
			if (r == (size_t)-1 && errno != E2BIG) { /* EILSEQ, or EINVAL: cut short */
				sb_addcp(&sb, 0xFFFD);
				note_bad(d, sb.len);
				in++;
				inleft--;
				iconv(cd, NULL, NULL, NULL, NULL);
			}
		}
		/* a lone CR inside a line is a line end too */
		if (!nl)
			break;
		sb_addc(&sb, '\n');
		start = end + 1;
		map_line(d, sb.len, start);
	}
	iconv_close(cd);
	sb_reserve(&sb, 0);
	sb.s[sb.len] = '\0';
	/* CR-only line ends and stray CRs become LF */
	for (size_t i = 0; i < sb.len; i++)
		if (sb.s[i] == '\r')
			sb.s[i] = '\n';
	d->len = sb.len;
	d->text = sb_detach(&sb);
	return 0;
}

/* The charset a page or XML file declares in its first 4 KB: <meta charset=…>,
 * <meta … content="…; charset=…">, <?xml … encoding="…"?>. */
static enum declared { DECL_NONE, DECL_UTF8, DECL_GB } declared_charset(const unsigned char *p, size_t n)
{
	size_t lim = n < 4096 ? n : 4096;
	if (!memchr(p, '<', lim)) /* a declaration sits in a tag */
		return DECL_NONE;
	static const char *const keys[] = { "charset", "encoding" };
	for (size_t k = 0; k < 2; k++) {
		size_t kl = strlen(keys[k]);
		for (size_t i = 0; i + kl < lim; i++) {
			/* the first letter, either case, before the call */
			if ((p[i] | 0x20) != keys[k][0] || strncasecmp((const char *)p + i, keys[k], kl))
				continue;
			size_t j = i + kl;
			while (j < lim && (p[j] == ' ' || p[j] == '='|| p[j] == '"' || p[j] == '\''))
				j++;
			if (j == i + kl || j >= lim)
				continue;
			const char *v = (const char *)p + j;
			size_t left = lim - j;
			if (left >= 5 && (!strncasecmp(v, "utf-8", 5) || !strncasecmp(v, "utf8", 4)))
				return DECL_UTF8;
			if (left >= 3 && (!strncasecmp(v, "gbk", 3) || !strncasecmp(v, "gb2312", left < 6 ? left : 6) ||
					  !strncasecmp(v, "gb18030", left < 7 ? left : 7) || !strncasecmp(v, "cp936", left < 5 ? left : 5)))
				return DECL_GB;
		}
	}
	return DECL_NONE;
}

/* own, when not NULL, holds raw itself: a malloc'd buffer with a NUL at
 * raw[n]. When the text needs no change it becomes d->text and *own NULL,
 * which saves a copy of the whole file. */
static int decode(const unsigned char *raw, size_t n, struct decoded *d, const char **why, char **own)
{
	memset(d, 0, sizeof *d);
	d->exact_within_line = 1;
	if (n >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF))) {
		int be = raw[0] == 0xFE;
		d->enc = be ? ENC_UTF16BE : ENC_UTF16LE;
		d->exact_within_line = 0;
		decode_utf16(raw, n, be, d);
		return 0;
	}
	size_t skip = 0;
	d->enc = ENC_UTF8;
	if (n >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) {
		skip = 3;
		d->enc = ENC_UTF8_BOM;
	}
	const unsigned char *p = raw + skip;
	size_t m = n - skip;
	if (looks_binary(p, m)) {
		*why = "binary data (NUL or control bytes), skipped";
		return -1;
	}
	/* Count valid multi-byte sequences against invalid bytes. */
	size_t valid_mb = 0, invalid = 0, cr = 0;
	int plain = 1;
	for (size_t i = 0; i < m;) {
		if (p[i] < 0x80) {
			cr += p[i] == '\r';
			plain &= (p[i] >= 0x20 && p[i] < 0x7F) || p[i] == '\n';
			i++;
			continue;
		}
		if (utf8_is_cjk3(p + i, m - i)) {
			valid_mb++;
			i += 3;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(p + i, m - i, &cp);
		if (k) {
			plain &= k == 3 && utf8_is_plain3(p + i, m - i);
			valid_mb++;
			i += k;
		} else {
			invalid++;
			i++;
		}
	}
	/* one order for every file: the BOM (above); a declared charset; UTF-8
	 * with at most one invalid sequence per 1,000 bytes, or twice as many
	 * valid multi-byte sequences as invalid bytes (GBK text forms almost
	 * none); GB18030 when it has at most a tenth as many errors; else UTF-8
	 * with U+FFFD */
	enum declared decl = skip ? DECL_UTF8 : declared_charset(p, m);
	int utf8 = !invalid || invalid * 1000 <= m || valid_mb >= invalid * 2;
	if (decl == DECL_GB || (decl == DECL_NONE && !utf8)) {
		struct decoded gb;
		memset(&gb, 0, sizeof gb);
		if (decode_gb18030(p, m, &gb) == 0 && (decl == DECL_GB || gb.replaced * 10 <= invalid)) {
			gb.enc = ENC_GB18030;
			gb.exact_within_line = 0;
			if (skip)
				for (size_t i = 0; i < gb.nlines; i++)
					gb.raw_line[i] += skip;
			*d = gb;
			return 0;
		}
		decoded_free(&gb);
		d->exact_within_line = 1;
	}
	int need_map = skip || cr || invalid;
	if (invalid)
		d->exact_within_line = 0;
	if (!need_map && own) { /* valid, no CR, no BOM: the bytes are the text */
		d->text = *own;
		*own = NULL;
		d->len = m;
		d->plain = plain;
		return 0;
	}
	if (!need_map) {
		d->text = xmalloc(m + 1);
		memcpy(d->text, p, m);
		d->text[m] = '\0';
		d->len = m;
		d->plain = plain;
		return 0;
	}
	copy_utf8(p, m, skip, d, need_map);
	return 0;
}

int decode_bytes(const unsigned char *raw, size_t n, struct decoded *d, const char **why)
{
	return decode(raw, n, d, why, NULL);
}

int decode_bytes_take(char **raw, size_t n, struct decoded *d, const char **why)
{
	return decode((const unsigned char *)*raw, n, d, why, raw);
}

uint64_t decoded_raw_offset(const struct decoded *d, uint64_t off)
{
	if (!d->nlines)
		return off;
	size_t lo = 0, hi = d->nlines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (d->dec_line[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	uint64_t raw = d->raw_line[lo];
	if (d->exact_within_line)
		raw += off - d->dec_line[lo];
	return raw;
}

void decoded_free(struct decoded *d)
{
	free(d->text);
	free(d->dec_line);
	free(d->raw_line);
	memset(d, 0, sizeof *d);
}

uint64_t decoded_line(const struct decoded *d, size_t dec_off)
{
	uint64_t line = 1;
	for (size_t i = 0; i < dec_off && i < d->len; i++)
		line += d->text[i] == '\n';
	return line;
}
