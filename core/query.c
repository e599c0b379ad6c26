#include "query.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "utf8.h"
#include "xalloc.h"

#define MAX_DEPTH 64

/* ---- parsing ----------------------------------------------------------------- */

struct parser {
	const char *s;
	size_t n, i;
	struct query *q;
	const struct gazetteer *gz;
	int failed;
	const struct searches *ss;  /* for @NAME, or NULL */
	const char *expanding[8];   /* the saved searches being read, outermost first */
	int nexp;
};

static void fail(struct parser *p, size_t at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void fail(struct parser *p, size_t at, const char *fmt, ...)
{
	if (p->failed)
		return;
	p->failed = 1;
	int k = snprintf(p->q->err, sizeof p->q->err, "column %zu: ", utf8_count(p->s, at) + 1);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->q->err + k, sizeof p->q->err - (size_t)k, fmt, ap);
	va_end(ap);
}

static struct qnode *node_new(enum qtype t)
{
	struct qnode *n = xcalloc(1, sizeof *n);
	n->type = t;
	return n;
}

static void node_add(struct qnode *n, struct qnode *kid)
{
	n->kid = xrealloc(n->kid, (n->nkid + 1) * sizeof *n->kid);
	n->kid[n->nkid++] = kid;
}

static void node_free(struct qnode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nkid; i++)
		node_free(n->kid[i]);
	free(n->kid);
	if (n->term.cp)
		fold_str_free(&n->term);
	bits_free(&n->cand);
	bits_free(&n->within);
	free(n);
}

static size_t ws_len(const struct parser *p, size_t i)
{
	if (i >= p->n)
		return 0;
	unsigned char c = (unsigned char)p->s[i];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return 1;
	if (i + 2 < p->n + 0 && c == 0xE3 && (unsigned char)p->s[i + 1] == 0x80 &&
	    (unsigned char)p->s[i + 2] == 0x80)
		return 3; /* U+3000 ideographic space */
	return 0;
}

static void skip_ws(struct parser *p)
{
	size_t k;
	while ((k = ws_len(p, p->i)))
		p->i += k;
}

static int is_delim(const struct parser *p, size_t i)
{
	return i >= p->n || ws_len(p, i) || p->s[i] == '(' || p->s[i] == ')' || p->s[i] == '|';
}

static struct qnode *term_node(const char *s, size_t n)
{
	if (!n)
		return node_new(Q_ALL);
	struct qnode *t = node_new(Q_TERM);
	fold_str_init(&t->term, s, n);
	return t;
}

/* A quoted string starting at p->i (on the quote). Sets *s, *n to its inside. */
static int read_quoted(struct parser *p, const char **s, size_t *n)
{
	size_t open = p->i++;
	const char *end = memchr(p->s + p->i, '"', p->n - p->i);
	if (!end) {
		fail(p, open, "unterminated quote");
		return -1;
	}
	*s = p->s + p->i;
	*n = (size_t)(end - *s);
	p->i = (size_t)(end - p->s) + 1;
	return 0;
}

/* A field value: quoted, or up to the next delimiter. */
static void read_value(struct parser *p, const char **s, size_t *n)
{
	if (p->i < p->n && p->s[p->i] == '"') {
		if (read_quoted(p, s, n) < 0)
			*n = 0;
		return;
	}
	size_t start = p->i;
	while (!is_delim(p, p->i))
		p->i++;
	*s = p->s + start;
	*n = p->i - start;
}

/* "2020", "2020-02", "2020-02-01" (also with /): the first and last day it covers. */
static int parse_day_span(const char *s, size_t n, long *from, long *to)
{
	int part[3] = { 0, 0, 0 }, np = 0, digits = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] >= '0' && s[i] <= '9') {
			if (++digits > 4)
				return -1;
			part[np] = part[np] * 10 + (s[i] - '0');
			continue;
		}
		if (!digits || np == 3)
			return -1;
		np++;
		digits = 0;
		if (i < n && s[i] != '-' && s[i] != '/' && s[i] != '.')
			return -1;
		if (i < n && np == 3)
			return -1;
	}
	int y = part[0], m = part[1], d = part[2];
	if (y < 1900 || y > 2200)
		return -1;
	if (np == 1) {
		*from = ymd_days((struct ymd){ y, 1, 1 });
		*to = ymd_days((struct ymd){ y, 12, 31 });
	} else if (np == 2) {
		if (m < 1 || m > 12)
			return -1;
		*from = ymd_days((struct ymd){ y, m, 1 });
		*to = (m == 12 ? ymd_days((struct ymd){ y + 1, 1, 1 }) : ymd_days((struct ymd){ y, m + 1, 1 })) - 1;
	} else {
		if (!ymd_valid(y, m, d))
			return -1;
		*from = *to = ymd_days((struct ymd){ y, m, d });
	}
	return 0;
}

static const char *const fields[] = { "place", "city", "date", "after", "before", "source", "kind", "title", "text" };

static struct qnode *parse_field(struct parser *p, const char *name, size_t nl, size_t at)
{
	const char *v;
	size_t vn;
	size_t vat = p->i;
	read_value(p, &v, &vn);
	if (p->failed)
		return NULL;
	char fname[16];
	snprintf(fname, sizeof fname, "%.*s", (int)nl, name);
	for (char *c = fname; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c + 32);
	size_t f;
	for (f = 0; f < sizeof fields / sizeof *fields && strcmp(fields[f], fname); f++)
		;
	if (f == sizeof fields / sizeof *fields) {
		fail(p, at, "unknown field \"%.*s\" (fields: place city date after before source kind title text)",
		     (int)(nl > 40 ? 40 : nl), name);
		return NULL;
	}
	if (!vn) {
		fail(p, vat, "%s: needs a value", fname);
		return NULL;
	}
	char *val = xmalloc(vn + 1);
	memcpy(val, v, vn);
	val[vn] = 0;
	struct qnode *n = NULL;
	if (!strcmp(fname, "place") || !strcmp(fname, "city")) {
		int pl = p->gz ? gazetteer_find(p->gz, val) : -1;
		if (pl < 0) {
			fail(p, vat, "unknown place \"%.60s\"", val);
		} else {
			n = node_new(Q_PLACE);
			n->place = pl;
			p->q->needs_facts = 1;
		}
	} else if (!strcmp(fname, "date") || !strcmp(fname, "after") || !strcmp(fname, "before")) {
		long a0, a1, b0, b1;
		const char *dots = strstr(val, "..");
		int ok;
		if (dots && !strcmp(fname, "date"))
			ok = parse_day_span(val, (size_t)(dots - val), &a0, &a1) == 0 &&
			     parse_day_span(dots + 2, strlen(dots + 2), &b0, &b1) == 0;
		else {
			ok = parse_day_span(val, vn, &a0, &a1) == 0;
			b0 = a0;
			b1 = a1;
		}
		if (!ok) {
			fail(p, vat, "%s: \"%.40s\" is not a date (YYYY, YYYY-MM, YYYY-MM-DD, A..B)",
			     fname, val);
		} else {
			n = node_new(Q_DATE);
			if (!strcmp(fname, "date")) {
				n->day_from = a0;
				n->day_to = b1;
			} else if (!strcmp(fname, "after")) {
				n->day_from = a0;
				n->day_to = LONG_MAX;
			} else {
				n->day_from = LONG_MIN;
				n->day_to = a0 - 1;
			}
			if (n->day_from > n->day_to)
				fail(p, vat, "%s: the range ends before it starts", fname);
		}
	} else if (!strcmp(fname, "source") || !strcmp(fname, "title") || !strcmp(fname, "text")) {
		n = node_new(!strcmp(fname, "source") ? Q_SOURCE : !strcmp(fname, "title") ? Q_TITLE : Q_TEXT);
		fold_str_init(&n->term, val, vn);
	} else { /* kind */
		int k = fact_kind_from_name(val);
		if (k < 0) {
			fail(p, vat, "unknown kind \"%.40s\" (see epinews(1), MEASURES)", val);
		} else {
			n = node_new(Q_KIND);
			n->kind = k;
			p->q->needs_facts = 1;
		}
	}
	free(val);
	if (p->failed) {
		node_free(n);
		return NULL;
	}
	return n;
}

static struct qnode *parse_measure(struct parser *p, const char *name, size_t nl, size_t at)
{
	char kname[40];
	snprintf(kname, sizeof kname, "%.*s", (int)(nl < 39 ? nl : 39), name);
	int k = fact_kind_from_name(kname);
	if (k < 0) {
		fail(p, at, "unknown measure \"%s\" (see epinews(1), MEASURES)", kname);
		return NULL;
	}
	enum qop op;
	const char *c = p->s + p->i;
	if (c[0] == '>' && p->i + 1 < p->n && c[1] == '=')
		op = OP_GE, p->i += 2;
	else if (c[0] == '<' && p->i + 1 < p->n && c[1] == '=')
		op = OP_LE, p->i += 2;
	else if (c[0] == '=' && p->i + 1 < p->n && c[1] == '=')
		op = OP_EQ, p->i += 2;
	else if (c[0] == '>')
		op = OP_GT, p->i++;
	else if (c[0] == '<')
		op = OP_LT, p->i++;
	else
		op = OP_EQ, p->i++;
	size_t vat = p->i;
	int64_t v = 0;
	int digits = 0;
	while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') {
		if (v > (INT64_MAX - 9) / 10) {
			fail(p, vat, "%s: number too large", kname);
			return NULL;
		}
		v = v * 10 + (p->s[p->i++] - '0');
		digits++;
	}
	if (!digits || !is_delim(p, p->i)) {
		fail(p, vat, "%s: expected a whole number after the comparison", kname);
		return NULL;
	}
	struct qnode *n = node_new(Q_MEASURE);
	n->kind = k;
	n->op = op;
	n->value = v;
	p->q->needs_facts = 1;
	return n;
}

static struct qnode *parse_and(struct parser *p, int depth, int in_paren);

/* @NAME: the saved search's query, read as if in parentheses. */
static struct qnode *parse_saved(struct parser *p, int depth)
{
	size_t at = p->i++;
	while (!is_delim(p, p->i))
		p->i++;
	const char *name = p->s + at + 1;
	size_t nl = p->i - at - 1;
	const char *text = p->ss ? searches_find(p->ss, name, nl) : NULL;
	if (!text) {
		fail(p, at, "no saved search @%.*s (see epinews(1), SAVED SEARCHES)", (int)(nl > 40 ? 40 : nl), name);
		return NULL;
	}
	for (int k = 0; k < p->nexp; k++)
		if (strlen(p->expanding[k]) == nl && !memcmp(p->expanding[k], name, nl)) {
			fail(p, at, "@%.*s uses itself", (int)nl, name);
			return NULL;
		}
	if (depth >= MAX_DEPTH || p->nexp >= (int)(sizeof p->expanding / sizeof *p->expanding)) {
		fail(p, at, "saved searches nest too deep at @%.*s", (int)(nl > 40 ? 40 : nl), name);
		return NULL;
	}
	struct parser sub = { text, strlen(text), 0, p->q, p->gz, 0, p->ss, { NULL }, p->nexp + 1 };
	for (int k = 0; k < p->nexp; k++)
		sub.expanding[k] = p->expanding[k];
	char *own = xstrndup(name, nl);
	sub.expanding[p->nexp] = own;
	struct qnode *n = parse_and(&sub, depth + 1, 0);
	if (!n && !sub.failed)
		fail(&sub, 0, "cannot parse the query");
	free(own);
	if (!n) { /* the saved query's own error, said where it was used */
		char inner[sizeof p->q->err];
		snprintf(inner, sizeof inner, "%s", p->q->err);
		fail(p, at, "@%.*s = %.60s: %s", (int)(nl > 40 ? 40 : nl), name, text, inner);
		return NULL;
	}
	return n;
}

static struct qnode *parse_primary(struct parser *p, int depth)
{
	size_t at = p->i;
	char c = p->s[p->i];
	if (c == '(') {
		if (depth >= MAX_DEPTH) {
			fail(p, at, "too many nested parentheses");
			return NULL;
		}
		p->i++;
		struct qnode *n = parse_and(p, depth + 1, 1);
		if (!n)
			return NULL;
		if (p->i >= p->n || p->s[p->i] != ')') {
			fail(p, at, "this ( is never closed");
			node_free(n);
			return NULL;
		}
		p->i++;
		return n;
	}
	if (c == ')') {
		fail(p, at, "unmatched )");
		return NULL;
	}
	if (c == '|') {
		fail(p, at, "| needs a term on each side");
		return NULL;
	}
	if (c == '"') {
		const char *s;
		size_t n;
		if (read_quoted(p, &s, &n) < 0)
			return NULL;
		return term_node(s, n);
	}
	if (c == '@' && !is_delim(p, p->i + 1))
		return parse_saved(p, depth);
	/* field:value or measure>number? */
	size_t k = p->i;
	while (k < p->n && ((p->s[k] >= 'a' && p->s[k] <= 'z') || (p->s[k] >= 'A' && p->s[k] <= 'Z') ||
			    p->s[k] == '_'))
		k++;
	if (k > p->i && k < p->n) {
		const char *name = p->s + p->i;
		size_t nl = k - p->i;
		if (p->s[k] == ':') {
			p->i = k + 1;
			return parse_field(p, name, nl, at);
		}
		if (p->s[k] == '>' || p->s[k] == '<' || p->s[k] == '=') {
			p->i = k;
			return parse_measure(p, name, nl, at);
		}
	}
	while (!is_delim(p, p->i))
		p->i++;
	return term_node(p->s + at, p->i - at);
}

static struct qnode *parse_unary(struct parser *p, int depth)
{
	if (p->s[p->i] == '-' && !is_delim(p, p->i + 1)) {
		p->i++;
		struct qnode *kid = parse_primary(p, depth);
		if (!kid)
			return NULL;
		struct qnode *n = node_new(Q_NOT);
		node_add(n, kid);
		return n;
	}
	return parse_primary(p, depth);
}

/* At an OR operator? Returns its length. */
static size_t or_len(const struct parser *p)
{
	if (p->i < p->n && p->s[p->i] == '|')
		return 1;
	if (p->i + 1 < p->n && p->s[p->i] == 'O' && p->s[p->i + 1] == 'R' && is_delim(p, p->i + 2) &&
	    (p->i + 2 >= p->n || p->s[p->i + 2] != '|'))
		return 2;
	return 0;
}

static struct qnode *parse_or(struct parser *p, int depth)
{
	struct qnode *left = parse_unary(p, depth);
	if (!left)
		return NULL;
	struct qnode *or = NULL;
	for (;;) {
		size_t save = p->i;
		skip_ws(p);
		size_t ol = or_len(p);
		if (!ol) {
			p->i = save;
			break;
		}
		size_t at = p->i;
		p->i += ol;
		skip_ws(p);
		if (p->i >= p->n || p->s[p->i] == ')' || or_len(p)) {
			fail(p, at, "%s needs a term on each side", ol == 1 ? "|" : "OR");
			break;
		}
		struct qnode *right = parse_unary(p, depth);
		if (!right)
			break;
		if (!or) {
			or = node_new(Q_OR);
			node_add(or, left);
		}
		node_add(or, right);
	}
	struct qnode *r = or ? or : left;
	if (p->failed) {
		node_free(r);
		return NULL;
	}
	return r;
}

static struct qnode *parse_and(struct parser *p, int depth, int in_paren)
{
	struct qnode *and = node_new(Q_AND);
	for (;;) {
		skip_ws(p);
		if (p->i >= p->n || (in_paren && p->s[p->i] == ')'))
			break;
		if (or_len(p)) {
			fail(p, p->i, "%s needs a term on each side", p->s[p->i] == '|' ? "|" : "OR");
			break;
		}
		struct qnode *kid = parse_or(p, depth);
		if (!kid)
			break;
		node_add(and, kid);
	}
	if (p->failed) {
		node_free(and);
		return NULL;
	}
	if (and->nkid == 1) {
		struct qnode *only = and->kid[0];
		and->nkid = 0;
		node_free(and);
		return only;
	}
	if (and->nkid == 0)
		and->type = Q_ALL;
	return and;
}

int query_parse(struct query *q, const char *s, const struct gazetteer *gz)
{
	return query_parse_saved(q, s, gz, NULL);
}

int query_parse_saved(struct query *q, const char *s, const struct gazetteer *gz, const struct searches *ss)
{
	memset(q, 0, sizeof *q);
	struct parser p = { s, strlen(s), 0, q, gz, 0, ss, { NULL }, 0 };
	q->root = parse_and(&p, 0, 0);
	if (!q->root) {
		if (!p.failed)
			fail(&p, p.i, "cannot parse the query");
		return -1;
	}
	return 0;
}

void query_free(struct query *q)
{
	node_free(q->root);
	q->root = NULL;
}

/* ---- evaluation -------------------------------------------------------------- */

static int title_has(const struct article *a, const struct fold_str *t)
{
	size_t end;
	int simple = !(a->flags & ART_TRADITIONAL);
	return fold_find_in(a->title, strlen(a->title), 0, t, &end, simple) != (size_t)-1 ||
	       (a->subtitle && fold_find_in(a->subtitle, strlen(a->subtitle), 0, t, &end, simple) != (size_t)-1);
}

static int body_has(const struct article *a, const struct fold_str *t)
{
	size_t end;
	return fold_find_in(a->body, a->body_len, 0, t, &end, !(a->flags & ART_TRADITIONAL)) != (size_t)-1;
}

static int text_has(const struct article *a, const struct fold_str *t)
{
	size_t end;
	int simple = !(a->flags & ART_TRADITIONAL);
	return fold_find_in(a->title, strlen(a->title), 0, t, &end, simple) != (size_t)-1 ||
	       (a->subtitle && fold_find_in(a->subtitle, strlen(a->subtitle), 0, t, &end, simple) != (size_t)-1) ||
	       fold_find_in(a->body, a->body_len, 0, t, &end, simple) != (size_t)-1;
}

static int cmp_value(int64_t v, enum qop op, int64_t x)
{
	switch (op) {
	case OP_GT: return v > x;
	case OP_GE: return v >= x;
	case OP_LT: return v < x;
	case OP_LE: return v <= x;
	case OP_EQ: return v == x;
	}
	return 0;
}

/* Is article d about a place of `in` (in[p + 1] says it of place p)? */
static int place_facts_in(const struct query_ctx *cx, const struct qnode *n, const struct bits *in, size_t d)
{
	return factdb_about_in(cx->fdb, d, in, n->place_bit);
}

/* Whether article d has a measure of the node's kind (and value). */
static int measure_in(const struct qnode *n, const struct query_ctx *cx, size_t d)
{
	size_t nf;
	const struct fact *f = factdb_of(cx->fdb, d, &nf);
	for (size_t k = 0; k < nf; k++)
		if ((int)f[k].kind == n->kind && (n->type == Q_KIND || cmp_value(f[k].value, n->op, n->value)))
			return 1;
	return 0;
}

/* Articles about the place or a place within it (factdb_places: their
 * dateline, title, measures and the places their body names twice). Deferred,
 * n->within keeps the places within it and query_match judges each article. */
static void eval_place(struct qnode *n, const struct query_ctx *cx)
{
	size_t nd = cx->ar->n;
	const struct gazetteer *gz = cx->gz;
	struct bits in;
	bits_init(&in, gz->n + 1, 0);
	for (size_t p = 0; p < gz->n; p++)
		if (gazetteer_within(gz, (int)p, n->place))
			bits_set(&in, p + 1);
	n->place_bit = factdb_place_bit(gz, n->place);
	if (n->deferred) {
		bits_free(&n->cand);
		bits_init(&n->cand, nd, 1);
		bits_free(&n->within);
		n->within = in;
		n->exact = 0;
		return;
	}
	for (size_t d = 0; cx->fdb && d < nd; d++)
		if (place_facts_in(cx, n, &in, d))
			bits_set(&n->cand, d);
	bits_free(&in);
}

size_t query_date_bound(const struct archive *ar, const uint32_t *by_date, size_t from, long day, int after)
{
	size_t lo = from, hi = ar->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		struct ymd d = archive_art(ar, by_date[mid])->date;
		if (ymd_full(d) && (after ? ymd_days(d) <= day : ymd_days(d) < day))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void eval_node(struct qnode *n, const struct query_ctx *cx)
{
	size_t nd = cx->ar->n;
	bits_free(&n->cand);
	for (size_t i = 0; i < n->nkid; i++)
		eval_node(n->kid[i], cx);
	n->exact = 1;
	switch (n->type) {
	case Q_ALL:
		bits_init(&n->cand, nd, 1);
		break;
	case Q_TERM:
	case Q_TITLE:
	case Q_TEXT:
		if (cx->ix && cx->ix->ndocs == nd) {
			n->exact = index_lookup(cx->ix, &n->term, &n->cand);
		} else {
			bits_init(&n->cand, nd, 1);
			n->exact = 0;
		}
		if (n->type != Q_TERM) /* the index does not tell the fields apart */
			n->exact = 0;
		break;
	case Q_AND:
		bits_init(&n->cand, nd, 1);
		for (size_t i = 0; i < n->nkid; i++) {
			bits_and(&n->cand, &n->kid[i]->cand);
			n->exact &= n->kid[i]->exact;
		}
		break;
	case Q_OR:
		bits_init(&n->cand, nd, 0);
		for (size_t i = 0; i < n->nkid; i++) {
			bits_or(&n->cand, &n->kid[i]->cand);
			n->exact &= n->kid[i]->exact;
		}
		break;
	case Q_NOT:
		bits_init(&n->cand, nd, 1);
		if (n->kid[0]->exact)
			bits_andnot(&n->cand, &n->kid[0]->cand);
		else
			n->exact = 0;
		break;
	case Q_PLACE:
		n->deferred = cx->defer_facts && cx->fdb;
		bits_init(&n->cand, nd, 0);
		eval_place(n, cx);
		break;
	case Q_DATE:
		bits_init(&n->cand, nd, 0);
		if (cx->by_date) { /* a range of the date order: only its ends are read */
			size_t lo = query_date_bound(cx->ar, cx->by_date, 0, n->day_from, 0),
			       hi = query_date_bound(cx->ar, cx->by_date, lo, n->day_to, 1);
			for (size_t i = lo; i < hi; i++)
				bits_set(&n->cand, cx->by_date[i]);
			break;
		}
		for (size_t d = 0; d < nd; d++) {
			const struct article *a = archive_art(cx->ar, d);
			if (!ymd_full(a->date))
				continue;
			long day = ymd_days(a->date);
			if (day >= n->day_from && day <= n->day_to)
				bits_set(&n->cand, d);
		}
		break;
	case Q_SOURCE:
		bits_init(&n->cand, nd, 0);
		for (size_t d = 0; d < nd; d++) {
			const char *src = archive_art(cx->ar, d)->source;
			size_t end;
			if (src && fold_find(src, strlen(src), 0, &n->term, &end) != (size_t)-1)
				bits_set(&n->cand, d);
		}
		break;
	case Q_KIND:
	case Q_MEASURE:
		n->deferred = cx->defer_facts && cx->fdb;
		bits_init(&n->cand, nd, n->deferred);
		n->exact = !n->deferred;
		for (size_t d = 0; cx->fdb && !n->deferred && d < nd; d++)
			if (measure_in(n, cx, d))
				bits_set(&n->cand, d);
		break;
	}
}

void query_eval(struct query *q, const struct query_ctx *cx)
{
	eval_node(q->root, cx);
}

static int check(const struct qnode *n, const struct query_ctx *cx, size_t d)
{
	if (!bits_has(&n->cand, d))
		return 0;
	if (n->exact)
		return 1;
	switch (n->type) {
	case Q_TERM:
		return text_has(archive_art(cx->ar, d), &n->term);
	case Q_TITLE:
		return title_has(archive_art(cx->ar, d), &n->term);
	case Q_TEXT:
		return body_has(archive_art(cx->ar, d), &n->term);
	case Q_AND:
		for (size_t i = 0; i < n->nkid; i++)
			if (!check(n->kid[i], cx, d))
				return 0;
		return 1;
	case Q_OR:
		for (size_t i = 0; i < n->nkid; i++)
			if (check(n->kid[i], cx, d))
				return 1;
		return 0;
	case Q_NOT:
		return !check(n->kid[0], cx, d);
	case Q_PLACE:
		return !n->deferred || place_facts_in(cx, n, &n->within, d);
	case Q_KIND:
	case Q_MEASURE:
		return !n->deferred || measure_in(n, cx, d);
	default:
		return 1;
	}
}

int query_match(const struct query *q, const struct query_ctx *cx, size_t doc)
{
	return check(q->root, cx, doc);
}

/* A term every match needs (the root, or under ANDs only) that no article of
 * the archive can meet: what it asks for, said plainly. */
static const char *why_node(const struct qnode *n, const struct query_ctx *cx, char *buf, size_t size)
{
	size_t nd = cx->ar->n, d;
	switch (n->type) {
	case Q_AND:
		for (size_t i = 0; i < n->nkid; i++) {
			const char *w = why_node(n->kid[i], cx, buf, size);
			if (w)
				return w;
		}
		return NULL;
	case Q_DATE:
		for (d = 0; d < nd && !ymd_full(archive_art(cx->ar, d)->date); d++)
			;
		if (d == nd)
			return "no article in this archive has a date";
		return NULL;
	case Q_SOURCE:
		for (d = 0; d < nd && !archive_art(cx->ar, d)->source; d++)
			;
		if (d == nd)
			return "no article in this archive has a source";
		return NULL;
	case Q_KIND:
	case Q_MEASURE:
		if (!cx->fdb)
			return NULL;
		for (d = 0; d < nd; d++) {
			size_t nf;
			const struct fact *f = factdb_of(cx->fdb, d, &nf);
			for (size_t k = 0; k < nf; k++)
				if ((int)f[k].kind == n->kind)
					return NULL;
		}
		snprintf(buf, size, "no article in this archive has a measure of kind %s", fact_kind_name(n->kind));
		return buf;
	case Q_PLACE: {
		if (!cx->fdb)
			return NULL;
		size_t *count = xcalloc(cx->gz->n + 1, sizeof *count);
		factdb_place_counts(cx->fdb, cx->gz, count);
		size_t c = count[n->place];
		free(count);
		if (c)
			return NULL;
		snprintf(buf, size, "no article in this archive is about %s", cx->gz->v[n->place].full_name);
		return buf;
	}
	default:
		return NULL;
	}
}

const char *query_why_empty(const struct query *q, const struct query_ctx *cx, char *buf, size_t size)
{
	return q->root ? why_node(q->root, cx, buf, size) : NULL;
}

static void walk_terms(const struct qnode *n, void (*fn)(const struct fold_str *, void *), void *arg)
{
	if (n->type == Q_NOT)
		return;
	if (n->type == Q_TERM || n->type == Q_TEXT)
		fn(&n->term, arg);
	for (size_t i = 0; i < n->nkid; i++)
		walk_terms(n->kid[i], fn, arg);
}

void query_terms(const struct query *q, void (*fn)(const struct fold_str *t, void *arg), void *arg)
{
	if (q->root)
		walk_terms(q->root, fn, arg);
}
