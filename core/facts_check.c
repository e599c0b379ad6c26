/* Consistency checks between the measures of one article. Bulletins give parts
 * and totals in one sentence (新增确诊病例12例，其中本土8例、境外输入4例) and
 * balances across one day (累计确诊 = 累计治愈 + 累计死亡 + 现有确诊); where the
 * figures read do not agree, each one involved is flagged, not dropped: the
 * reader decides whether the text or the reading is wrong. */
#include <stdio.h>
#include <string.h>

#include "facts.h"
#include "words.h"

static const char *const check_names[CHECK_COUNT] = { NULL, "parts_sum", "part_exceeds", "balance" };

const char *fact_check_name(enum fact_check c)
{
	return (unsigned)c < CHECK_COUNT ? check_names[c] : NULL;
}

const char *fact_check_note(const struct fact *f, char *buf, size_t size)
{
	long long sum = (long long)f->check_sum, total = (long long)f->check_total;
	switch (f->check) {
	case CHECK_PARTS_SUM:
		snprintf(buf, size, "its parts add up to %lld, the total is %lld", sum, total);
		return buf;
	case CHECK_PART_EXCEEDS:
		snprintf(buf, size, "a part (%lld) is larger than its total (%lld)", sum, total);
		return buf;
	case CHECK_BALANCE:
		snprintf(buf, size, "cured + deaths + current = %lld, the cumulative total is %lld", sum, total);
		return buf;
	}
	return NULL;
}

/* Words that name a part of a total, in groups whose members together are the
 * whole: a total split into exactly one of each must equal their sum. */
static const struct {
	struct word w;
	int group;
} part_words[] = {
	{ WORD("本土"), 1 },	 { WORD("境外输入"), 2 }, { WORD("输入"), 2 },
	{ WORD("男性"), 3 },	 { WORD("女性"), 4 },	  { WORD("男"), 3 },
	{ WORD("女"), 4 },
};
static const int whole[][2] = { { 1, 2 }, { 3, 4 } };

/* The part word in b[from..to), as its group, or 0. */
static int part_group(const char *b, size_t from, size_t to)
{
	for (size_t i = from; i < to; i += char_len(b + i, to - i))
		for (size_t k = 0; k < sizeof part_words / sizeof *part_words; k++)
			if (starts_word(b + i, to - i, &part_words[k].w))
				return part_words[k].group;
	return 0;
}

static void flag(struct fact *f, enum fact_check c, int64_t sum, int64_t total)
{
	if (f->check == CHECK_NONE) { /* the first rule broken is the one told */
		f->check = (uint8_t)c;
		f->check_sum = sum;
		f->check_total = total;
	}
}

/* Can p be a part of tot: the same kind, counted in the same unit, in the same
 * sentence? */
static int same_part(const struct fact *tot, const struct fact *p)
{
	return p->sent_start == tot->sent_start && p->kind == tot->kind && !strcmp(p->unit, tot->unit);
}

/* 新增确诊病例12例，其中本土8例、境外输入3例: the figures of t's kind after 其中
 * in its sentence are its parts. */
static void check_parts(const char *b, struct fact *v, size_t n, size_t t)
{
	static const struct word among = WORD("其中");
	struct fact *tot = &v[t];
	size_t j = t + 1;
	/* goods are lists of different things: 98万只口罩…，其中13.4万只…、6.2万副手套 */
	if (tot->kind == KIND_SUPPLIES || j >= n || !same_part(tot, &v[j]))
		return;
	int said = 0;
	for (size_t i = tot->end; i < v[j].start; i += char_len(b + i, v[j].start - i))
		if (starts_word(b + i, v[j].start - i, &among))
			said = 1;
	if (!said)
		return;
	int64_t sum = 0;
	int groups[8], ng = 0, exact = tot->qual == QUAL_NONE && tot->value_max == tot->value;
	size_t last = j, prev_end = tot->end;
	for (; j < n && same_part(tot, &v[j]); j++) {
		struct fact *p = &v[j];
		if (p->value > tot->value_max && tot->qual != QUAL_UNDER) {
			flag(p, CHECK_PART_EXCEEDS, p->value, tot->value);
			flag(tot, CHECK_PART_EXCEEDS, p->value, tot->value);
		}
		if (ng < 8)
			groups[ng++] = part_group(b, prev_end, p->start);
		exact = exact && p->qual == QUAL_NONE && p->value_max == p->value;
		sum += p->value;
		prev_end = p->end;
		last = j;
	}
	if (!exact || ng != 2)
		return;
	for (size_t w = 0; w < sizeof whole / sizeof *whole; w++) {
		int a = whole[w][0], c = whole[w][1];
		if (((groups[0] == a && groups[1] == c) || (groups[0] == c && groups[1] == a)) && sum != tot->value)
			for (size_t k = t; k <= last; k++)
				flag(&v[k], CHECK_PARTS_SUM, sum, tot->value);
	}
}

static int same_day_and_place(const struct fact *x, const struct fact *y)
{
	return x->place == y->place && x->date.y == y->date.y && x->date.m == y->date.m && x->date.d == y->date.d;
}

/* The one measure of kind k (scope in `scopes`, a bit per enum fact_scope)
 * with ref's place and date, or NULL when there is none or more than one. */
static struct fact *only(struct fact *v, size_t n, const struct fact *ref, enum fact_kind k, unsigned scopes)
{
	struct fact *found = NULL;
	for (size_t i = 0; i < n; i++)
		if (v[i].kind == k && ((scopes >> v[i].scope) & 1) && same_day_and_place(&v[i], ref)) {
			if (found && found->value != v[i].value)
				return NULL; /* two different figures: which is meant cannot be told */
			if (!found)
				found = &v[i];
		}
	return found;
}

/* 累计确诊 = 累计治愈出院 + 累计死亡 + 现有确诊, for one place and day. */
static void check_balance(struct fact *v, size_t n, size_t t)
{
	struct fact *tot = &v[t];
	if (tot->kind != KIND_CONFIRMED || tot->scope != SCOPE_CUMULATIVE || !tot->date.m || tot->qual != QUAL_NONE)
		return;
	if (only(v, n, tot, KIND_CONFIRMED, 1u << SCOPE_CUMULATIVE) != tot)
		return;
	unsigned past = 1u << SCOPE_CUMULATIVE | 1u << SCOPE_NONE;
	struct fact *cured = only(v, n, tot, KIND_DISCHARGED, past), *dead = only(v, n, tot, KIND_DEATHS, past),
		    *now = only(v, n, tot, KIND_CONFIRMED, 1u << SCOPE_CURRENT);
	if (!cured || !dead || !now || cured->qual || dead->qual || now->qual)
		return;
	int64_t sum = cured->value + dead->value + now->value;
	if (sum == tot->value)
		return;
	flag(tot, CHECK_BALANCE, sum, tot->value);
	flag(cured, CHECK_BALANCE, sum, tot->value);
	flag(dead, CHECK_BALANCE, sum, tot->value);
	flag(now, CHECK_BALANCE, sum, tot->value);
}

void facts_check(const char *body, struct fact *v, size_t n)
{
	for (size_t t = 0; t < n; t++) {
		check_parts(body, v, n, t);
		check_balance(v, n, t);
	}
}
