// The floor for bench/run.sh: read a file and parse it into a RapidJSON DOM with the
// flags wxlint uses (full-precision numbers, UTF-8 validation, iterative), nothing more.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  int bad = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    const std::string text = buf.str();
    rapidjson::Document d;
    constexpr unsigned flags = rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag |
                               rapidjson::kParseIterativeFlag;
    d.Parse<flags>(text.data(), text.size());
    if (d.HasParseError()) {
      std::fprintf(stderr, "%s: %s\n", argv[i], rapidjson::GetParseError_En(d.GetParseError()));
      bad = 1;
    }
  }
  return bad;
}
