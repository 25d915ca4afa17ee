// Where -o and --generate-baseline may write.
#pragma once

#include <string>
#include <vector>

namespace wxlint::cli {

// Throws IoError when `output` is one of `inputs` ("-" is stdin), compared by device and
// inode: any spelling, hard link or symbolic link of an input is caught; or when it is inside
// an input that is a directory (a snapshot, --rules-dir). Call it before anything is written.
void refuse_input_as_output(const std::string& output, const std::vector<std::string>& inputs);

// Throws IoError, as the write would, when the directory `output` goes in does not exist or is
// no directory, or `output` is there but is no regular file (a directory, FIFO, a dangling
// symbolic link): checked before --fix writes anything.
void refuse_unwritable(const std::string& output);

// Throws IoError when `output` is a file with something in it that is not a baseline
// (Baseline::load() refuses it): --generate-baseline replaces a baseline, never a payload.
void refuse_replacing_non_baseline(const std::string& output);

// STDOUT_FILENO or STDERR_FILENO when `output` is the regular file that stream writes to
// (-o /dev/stdout with stdout redirected to a log), else -1: the atomic write would replace
// the log, and everything written to it so far, with the report.
int standard_stream_of(const std::string& output);

// What names one file: "dev:inode" when it exists, else the canonical path of its directory
// and its name (a dangling symbolic link: of where it leads).
std::string file_identity(const std::string& path);

}  // namespace wxlint::cli
