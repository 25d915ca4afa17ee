// The fastest parse on this machine, for bench/snapshot.sh: each file read and parsed into
// simdjson's DOM (stage 1 and 2, every value materialised on its tape), nothing else.
// Built only when libsimdjson-dev is installed.
#include <simdjson.h>

#include <cstdio>

int main(int argc, char** argv) {
  simdjson::dom::parser parser;
  int bad = 0;
  for (int i = 1; i < argc; ++i) {
    simdjson::dom::element doc;
    if (auto error = parser.load(argv[i]).get(doc)) {
      std::fprintf(stderr, "%s: %s\n", argv[i], simdjson::error_message(error));
      bad = 1;
    }
  }
  return bad;
}
