// The floor for bench/run.sh: read a file in one call and parse it into a RapidJSON DOM
// with the flags wxlint gives RapidJSON for valid UTF-8 (numbers as text, iterative),
// nothing more: no UTF-8 check, no duplicate keys, no rules. wxlint converts numbers
// itself; here a number stays a string value, the same work for the benchmark payloads,
// which hold no numbers.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cstdio>
#include <string>
#include <sys/stat.h>

int main(int argc, char** argv) {
  int bad = 0;
  for (int i = 1; i < argc; ++i) {
    std::FILE* f = std::fopen(argv[i], "rb");
    struct stat st {};
    if (!f || fstat(fileno(f), &st) != 0) {
      std::fprintf(stderr, "%s: cannot read\n", argv[i]);
      bad = 1;
      continue;
    }
    std::string text(static_cast<std::size_t>(st.st_size), '\0');
    const std::size_t got = std::fread(text.data(), 1, text.size(), f);
    std::fclose(f);
    text.resize(got);
    rapidjson::Document d;
    constexpr unsigned flags = rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseIterativeFlag;
    d.Parse<flags>(text.data(), text.size());
    if (d.HasParseError()) {
      std::fprintf(stderr, "%s: %s\n", argv[i], rapidjson::GetParseError_En(d.GetParseError()));
      bad = 1;
    }
  }
  return bad;
}
