/* Lints one payload file through the C ABI and prints the JSON report.
 * Usage: consumer_c FILE [OPTIONS_JSON]. Exit 0 when it ran, 2 when wxlint could not. */
#include <wxlint/wxlint.h>

#include <stdio.h>
#include <stdlib.h>

static char* read_all(const char* path, size_t* length) {
  FILE* f = fopen(path, "rb");
  char* buf = NULL;
  size_t cap = 0, n = 0, got;
  if (!f) return NULL;
  do {
    if (n == cap) {
      char* grown = (char*)realloc(buf, cap = cap ? cap * 2 : 4096);
      if (!grown) break;
      buf = grown;
    }
    got = fread(buf + n, 1, cap - n, f);
    n += got;
  } while (got > 0);
  fclose(f);
  *length = n;
  return buf;
}

int main(int argc, char** argv) {
  wxlint_linter* linter = NULL;
  wxlint_result* result = NULL;
  char* error = NULL;
  char* text;
  size_t length = 0, json_length = 0;
  int status;
  const char* json;

  if (argc < 2) {
    fprintf(stderr, "usage: consumer_c FILE [OPTIONS_JSON]\n");
    return 2;
  }
  if (wxlint_abi_version() != WXLINT_ABI_VERSION) {
    fprintf(stderr, "consumer_c: built for ABI %d, library has %d\n", WXLINT_ABI_VERSION, wxlint_abi_version());
    return 2;
  }
  text = read_all(argv[1], &length);
  if (!text) {
    fprintf(stderr, "consumer_c: cannot read %s\n", argv[1]);
    return 2;
  }
  status = wxlint_linter_new_embedded(argc > 2 ? argv[2] : NULL, &linter, &error);
  if (status == WXLINT_OK) status = wxlint_lint(linter, text, length, argv[1], NULL, &result, &error);
  if (status != WXLINT_OK) {
    fprintf(stderr, "consumer_c: %s: %s\n", wxlint_status_string(status), error ? error : "?");
    wxlint_string_free(error);
    wxlint_linter_free(linter);
    free(text);
    return 2;
  }
  json = wxlint_result_json(result, &json_length);
  fwrite(json, 1, json_length, stdout);
  fprintf(stderr, "consumer_c: wxlint %s: %lu errors, %lu findings\n", wxlint_version(),
          (unsigned long)wxlint_result_count(result, WXLINT_SEVERITY_ERROR),
          (unsigned long)wxlint_result_count(result, -1));
  wxlint_result_free(result);
  wxlint_linter_free(linter);
  free(text);
  return 0;
}
