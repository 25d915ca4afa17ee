// What write_file_atomically checks before it writes, for callers that must know first.
#pragma once

#include <string>

namespace wxlint {

// Throws IoError, with the words write_file_atomically would use, when `path` exists and is
// not a regular file (a directory, FIFO...; a symbolic link: where it leads) or is a
// symbolic link to nothing. Writes nothing.
void refuse_unreplaceable(const std::string& path);

}  // namespace wxlint
