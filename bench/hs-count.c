// Hyperscan anchor: count every literal match (all occurrences, overlaps included) of the patterns in a file.
// Usage: hs-count PATTERNS CORPUS REPEATS [lines] — prints compile ms, then one scan ms per repeat, then the count.
// With `lines`, each line of the corpus is scanned by its own hs_scan call (one item at a time, as our per-item
// rows scan), else the whole corpus in one call.
#include <hs/hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static unsigned long long matches;
static int on_match(unsigned int id, unsigned long long from, unsigned long long to, unsigned int flags, void *ctx) {
  (void)id; (void)from; (void)to; (void)flags; (void)ctx;
  matches++;
  return 0;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  fseek(f, 0, SEEK_END);
  *len = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc(*len + 1);
  if (fread(buf, 1, *len, f) != *len) { perror(path); exit(2); }
  fclose(f);
  buf[*len] = 0;
  return buf;
}

/* CPU time of this process: the machine is shared, and the harness in throughput.ts times its own runs the same way */
static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: hs-count PATTERNS CORPUS REPEATS [lines]\n"); return 2; }
  size_t plen, clen;
  char *pats = slurp(argv[1], &plen);
  char *corpus = slurp(argv[2], &clen);
  int repeats = atoi(argv[3]);
  int lines = argc > 4 && strcmp(argv[4], "lines") == 0;
  unsigned n = 0;
  for (size_t i = 0; i < plen; i++) if (pats[i] == '\n') n++;
  const char **exprs = malloc(n * sizeof(char *));
  size_t *lens = malloc(n * sizeof(size_t));
  unsigned *flags = malloc(n * sizeof(unsigned));
  unsigned *ids = malloc(n * sizeof(unsigned));
  unsigned k = 0;
  char *p = pats;
  for (size_t i = 0; i < plen; i++) {
    if (pats[i] == '\n') {
      if (&pats[i] > p) { exprs[k] = p; lens[k] = (size_t)(&pats[i] - p); flags[k] = 0; ids[k] = k; k++; }
      p = &pats[i + 1];
    }
  }
  hs_database_t *db;
  hs_compile_error_t *err;
  double t0 = now_ms();
  if (hs_compile_lit_multi(exprs, flags, ids, lens, k, HS_MODE_BLOCK, NULL, &db, &err) != HS_SUCCESS) {
    fprintf(stderr, "compile failed: %s\n", err->message);
    return 2;
  }
  printf("%.3f\n", now_ms() - t0);
  hs_scratch_t *scratch = NULL;
  hs_alloc_scratch(db, &scratch);
  for (int r = 0; r < repeats; r++) {
    matches = 0;
    double t = now_ms();
    if (!lines) hs_scan(db, corpus, (unsigned)clen, 0, scratch, on_match, NULL);
    else {
      const char *at = corpus, *end = corpus + clen;
      while (at < end) {
        const char *nl = memchr(at, '\n', (size_t)(end - at));
        const char *stop = nl ? nl : end;
        hs_scan(db, at, (unsigned)(stop - at), 0, scratch, on_match, NULL);
        at = stop + 1;
      }
    }
    printf("%.3f\n", now_ms() - t);
  }
  printf("%llu\n", matches);
  return 0;
}
