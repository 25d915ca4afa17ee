// Per-file cost of a batch with the org snapshot against the same batch without it, in one
// process: the snapshot is loaded once (the load is not part of a file's cost), and the two
// linters take turns over the same files, so that the machine's drift falls on both alike.
// Each file is read and linted as `wxlint check` does (Linter::lint_file); the time is this
// thread's CPU. Prints the minimum over the rounds of each, per file, and their ratio.
//   snapshot_ratio SNAPSHOT_DIR BATCH_DIR [ROUNDS [with|without]]
// With a last argument, only that side is linted (for a profiler).
// Built and run by bench/snapshot.sh. Numbers: bench/README.md.
#include <wxlint/linter.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

namespace {

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Seconds of CPU to lint every file once; the findings' count keeps the work from being dropped.
double lint_all(const wxlint::Linter& linter, const std::vector<std::string>& files, std::size_t& findings) {
  const double start = thread_cpu_seconds();
  for (const std::string& f : files) findings += linter.lint_file(f).diagnostics.size();
  return thread_cpu_seconds() - start;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: snapshot_ratio SNAPSHOT_DIR BATCH_DIR [ROUNDS [with|without]]\n");
    return 2;
  }
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 10;
  const std::string only = argc > 4 ? argv[4] : "";
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(argv[2]))
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "snapshot_ratio: no *.json in %s\n", argv[2]);
    return 2;
  }

  wxlint::LinterOptions with_options;
  with_options.snapshot_data = wxlint::Snapshot::load({argv[1]});
  const wxlint::Linter with = wxlint::Linter::embedded(with_options);
  const wxlint::Linter without = wxlint::Linter::embedded();

  // The first pass warms both (the numbering plan's start, the page cache) and counts the
  // findings, which show the snapshot's rules at work.
  std::size_t found_with = 0, found_without = 0, ignored = 0;
  lint_all(with, files, found_with);
  lint_all(without, files, found_without);
  double best_with = 1e300, best_without = 1e300;
  for (int r = 0; r < rounds; ++r) {
    if (only != "without") best_with = std::min(best_with, lint_all(with, files, ignored));
    if (only != "with") best_without = std::min(best_without, lint_all(without, files, ignored));
  }
  const double n = static_cast<double>(files.size());
  const auto per_file = [n](double seconds) { return seconds / n * 1e6; };
  std::printf("%zu files, best of %d rounds:", files.size(), rounds);
  if (only != "without") std::printf(" with the snapshot %.1f us a file (%zu findings)", per_file(best_with), found_with);
  if (only != "with") std::printf(" without %.1f (%zu)", per_file(best_without), found_without);
  if (only.empty()) std::printf(": %.2fx", best_with / best_without);
  std::printf("\n");
  return 0;
}
