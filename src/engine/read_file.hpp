// Reading an input file, for the linter (the public read_file() is in wxlint/linter.hpp).
#pragma once

#include <optional>
#include <string>

namespace wxlint {

// read_file(path), unless `path` is a regular file larger than `max` bytes: then nullopt,
// and nothing is read. `size`: the file's size, read or not. "-" (stdin) is read to its end,
// but only its first `max` bytes are kept: past them, nullopt.
std::optional<std::string> read_file_within(const std::string& path, unsigned long long max, unsigned long long& size);

}  // namespace wxlint
