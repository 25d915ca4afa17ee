// What the C ABI's files share: the failure an entry point turns into a status and message
// (wxlint_c.cpp: guard()), and reading a string out of the JSON a caller passes in.
#pragma once

#include <rapidjson/document.h>

#include <string>

namespace wxlint::capi {

// An expected failure with its status; raised inside guard() only.
struct Failure {
  int status;
  std::string message;
};

// Throws Failure{WXLINT_E_OPTIONS, "options: " + what}.
[[noreturn]] void bad_options(const std::string& what);

// v's text; bad_options(where + " must be a string") if it is not a string.
std::string text_of(const rapidjson::Value& v, const std::string& where);

}  // namespace wxlint::capi
