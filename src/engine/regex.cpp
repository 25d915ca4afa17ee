#include "engine/regex.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>

namespace wxlint {

struct Regex::Impl {
  explicit Impl(std::string_view pattern, const RE2::Options& options)
      : re(re2::StringPiece(pattern.data(), pattern.size()), options) {}
  RE2 re;
};

Regex::Regex(std::string text, std::unique_ptr<Impl> impl) : text_(std::move(text)), impl_(std::move(impl)) {}
Regex::~Regex() = default;

std::unique_ptr<Regex> Regex::compile(std::string_view pattern, std::string& error) {
  RE2::Options options;  // UTF-8, leftmost-first, at most 8 MB of compiled program
  options.set_log_errors(false);  // the library never prints
  auto impl = std::make_unique<Impl>(pattern, options);
  if (!impl->re.ok()) {
    error = impl->re.error();
    return nullptr;
  }
  return std::unique_ptr<Regex>(new Regex(std::string(pattern), std::move(impl)));
}

bool Regex::search(std::string_view text) const {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), impl_->re);
}

std::optional<std::pair<std::size_t, std::size_t>> Regex::find(std::string_view text) const {
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  if (!impl_->re.Match(input, 0, input.size(), RE2::UNANCHORED, &match, 1)) return std::nullopt;
  return std::pair{static_cast<std::size_t>(match.data() - input.data()), match.size()};
}

struct RegexSet::Impl {
  explicit Impl(const RE2::Options& options) : set(options, RE2::ANCHOR_BOTH) {}
  RE2::Set set;
};

RegexSet::RegexSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RegexSet::~RegexSet() = default;

std::unique_ptr<RegexSet> RegexSet::compile(const std::vector<std::string>& patterns) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_dot_nl(true);  // a member name may hold a line break
  options.set_max_mem(std::int64_t{64} << 20);
  auto impl = std::make_unique<Impl>(options);
  for (const std::string& p : patterns)
    if (impl->set.Add(re2::StringPiece(p.data(), p.size()), nullptr) < 0) return nullptr;
  if (!impl->set.Compile()) return nullptr;
  return std::unique_ptr<RegexSet>(new RegexSet(std::move(impl)));
}

std::optional<bool> RegexSet::any_matches(std::string_view text) const {
  RE2::Set::ErrorInfo error{};
  if (impl_->set.Match(re2::StringPiece(text.data(), text.size()), nullptr, &error)) return true;
  if (error.kind != RE2::Set::kNoError) return std::nullopt;
  return false;
}

}  // namespace wxlint
