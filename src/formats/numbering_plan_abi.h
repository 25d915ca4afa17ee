/* The C interface between libwxlint and its numbering-plan module (libphonenumber inside).
   libwxlint loads the module with dlopen on the first phone number it must judge, so that a
   run that judges none never loads libphonenumber, protobuf and ICU (their relocations and
   static initialisers cost ~9 ms of CPU per start). Plain C types only: the module has its
   own C++ runtime. */
#ifndef WXLINT_NUMBERING_PLAN_ABI_H
#define WXLINT_NUMBERING_PLAN_ABI_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WXLINT_PLAN_ABI_VERSION 2

enum wxlint_plan_verdict {
  WXLINT_PLAN_VALID = 0,
  WXLINT_PLAN_NOT_A_NUMBER = 1,       /* libphonenumber could not read it as a number */
  WXLINT_PLAN_UNKNOWN_COUNTRY = 2,    /* no country calling code starts it */
  WXLINT_PLAN_TOO_SHORT = 3,          /* shorter than every number of its country code */
  WXLINT_PLAN_TOO_LONG = 4,           /* longer than every number of its country code */
  WXLINT_PLAN_INVALID_LENGTH = 5,     /* between lengths, but a length no number there has */
  WXLINT_PLAN_NOT_ASSIGNED = 6        /* a possible length, but no assigned range holds it */
};

struct wxlint_plan_result {
  int verdict;            /* enum wxlint_plan_verdict */
  int country_code;       /* 0 when unknown */
  char region[4];         /* the number's region ("US"); "" when of no possible length, in no region, or non-geographic */
  char main_region[4];    /* the main region of its country code ("US" for +1; "001" non-geographic) */
  char area_code[4];      /* North American plan only: its area code, when no number in it is valid */
  char e164[24];          /* "+14085551234" when it was read as a number */
  int prefix_missing;     /* 1: read in default_region as a national number written without the
                             region's trunk prefix (the 0 of "020 7946 0000"), outside the North
                             American plan, where numbers are written without it */
};

/* Judges text (E.164, or a national format read with default_region, "" or "ZZ" for none).
   Returns 0, or -1 when length > 64 (no phone number is that long). */
typedef int (*wxlint_plan_judge_fn)(const char* text, size_t length, const char* default_region,
                                    struct wxlint_plan_result* out);
/* 1 when region ("US") is one of libphonenumber's region codes, else 0. */
typedef int (*wxlint_plan_is_region_fn)(const char* region);

/* The module's exported entry points (dlsym names). */
#define WXLINT_PLAN_ABI_SYMBOL "wxlint_plan_abi_version"
#define WXLINT_PLAN_JUDGE_SYMBOL "wxlint_plan_judge"
#define WXLINT_PLAN_IS_REGION_SYMBOL "wxlint_plan_is_region"

#ifdef __cplusplus
}
#endif

#endif
