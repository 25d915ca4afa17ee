// The registry of check kinds: name, summary, parameters and the message placeholders each
// fills. Adding a kind: write checks/<kind>.cpp, declare its factory in kinds.hpp, list it
// here, and document it in docs/check-kinds.md.
#include "checks/kinds.hpp"

namespace wxlint {

const std::vector<CheckKind>& check_kinds() {
  using namespace checks;
  static const std::vector<CheckKind> kinds = {
      {"required", "An object must have a member.",
       "field: the member name; nonEmpty: \"\" counts as missing (found at the member)", "field",
       make_required},
      {"require-any", "An object must have at least one of several members.",
       "fields: member names; nonEmpty: treat \"\", blank, [] and null as absent; "
       "unless: relative pointer (or a list of them) to a member whose presence skips the object; ifAny: judge only objects with "
       "one of these members (placeholder {trigger}); whenAllGiven: judge only objects that have every field, "
       "empty or not", "fields trigger", make_require_any},
      {"count", "How many nodes a pattern matches must lie within [min, max].",
       "items: relative pattern (default \"*\") | of: pattern from the request root; min; max; "
       "where: {relative pointer: value}; except: {relative pointer: value} leaves such matches out; "
       "minItems: only check nodes with at least this many items",
       "count min max", make_count},
      {"unique", "A value may appear only once.",
       "groupBy: relative pointer to a partitioning value; within: relative pointer to a partitioning node; "
       "across: report only repeats under a different node; normalize: none|lower|digits|webex-id",
       "group", make_unique},
      {"format", "A string must have a given format.",
       "format: e164|digits|uuid|email|sip|https-url; outcomes: [invalid, insecure]; skipEmpty", "problem hint",
       make_format},
      {"length", "A string's length in characters must lie within [min, max].", "min; max; skipEmpty",
       "length min max", make_length},
      {"deny", "A value must not be one of a list.", "values: the forbidden strings", "", make_deny},
      {"enum", "A string must be one of a list; near misses get a did-you-mean.",
       "values: the allowed strings; only: judge only values in this list; normalize: none|webex-id", "allowed hint",
       make_enum},
      {"webex-id", "A base64 Webex id that decodes to ciscospark://<cluster>/<TYPE>/<id>.",
       "outcome: malformed|wrong-type; type: the expected resource type", "problem type expected", make_webex_id},
      {"type", "A value must have one of some JSON types (explains the schema's type failure).",
       "types: allowed JSON types (null, boolean, object, array, string, integer, number)", "actual expected",
       make_type},
      {"forbidden", "A member that must not be present, with its own explanation.",
       "coversUnknown: replace the schema's unknown-property finding (default true)", "field", make_forbidden},
      {"requires", "A value requires another member to be present.",
       "map: {value: relative pointer}; nonEmpty: treat \"\", blank, [] and null as absent; unless: relative pointer "
       "(or a list of them) to a member whose presence skips the check; ifPresent: relative pointer (or a list of "
       "them) to a member without which (without any of which) it is skipped",
       "target", make_requires},
      {"uuid", "A raw UUID, not a base64 Webex id.", "outcome: webex-id|invalid", "type id hint", make_uuid},
      {"path-param", "A parameter of an envelope's request path must be a raw UUID (or must not be one).",
       "template: the operation's path template; param: the parameter name; outcome: webex-id|invalid|raw-uuid",
       "param segment type id hint", make_path_param},
      {"text", "Free text: blank, untrimmed or too long.",
       "outcome: blank|untrimmed|too-long; max: characters (too-long); members: only these member names",
       "field problem length max", make_text},
      {"embedded-json", "A string that holds JSON text.",
       "outcome: invalid|double-escaped|unknown-key|value-type; root: object|array|any; keys: allowed keys; "
       "valueType: JSON type of member values; maxBytes (default 65536); skipEmpty",
       "problem key hint keys actual expected", make_embedded_json},
      {"snapshot-lookup", "A value must (or must not) be found in a table of the org snapshot (--snapshot).",
       "table; key: the column the value is looked up in; expect: missing (default) | found; value: relative pointer "
       "to the value (default: here); via: {table, key, column} maps the value through another table first; "
       "scope: {column, at} rows whose column equals the payload value at a relative pointer; "
       "where: [{column, equals|notEquals: text | {at: relative pointer}, or contains|notContains: text}] filters on the row; "
       "onlyIfIn: {table, key} judge only values found there; unless: relative pointer (or a list of them) to a "
       "member whose presence skips the check; ifPresent: relative pointer (or a list of them) to a member "
       "without which (without any of which) it is skipped; unlessPathParam: {template, param} skips a request whose envelope's path has it; "
       "stripPrefix: {table, key, column, at} looks up what follows that row's prefix ({prefix}, {prefix.COLUMN}); "
       "regionFromLocation: relative pointer (or a list: the first there) to the location whose country reads a "
       "national-format number. "
       "The found row's columns are message placeholders.",
       "key", make_snapshot_lookup},
      {"pattern", "A string must (or must not) match a regular expression (RE2: linear time, no backtracking).",
       "regex: RE2 syntax, searched anywhere in the value (anchor with ^ and $); expect: match (default) | no-match; "
       "skipEmpty",
       "pattern match", make_pattern},
      {"reference", "A value that names another value of the request must name one that is there.",
       "targets: pattern from the request root of the values it may name; prefix: the text that starts a "
       "reference within the value (\"bulkId:\"), which runs to the next \"/\"",
       "reference", make_reference},
      {"differs", "A value must not equal another value of the request.",
       "from: relative pointer to the other value; normalize: none|lower|digits|webex-id (as unique compares)", "",
       make_differs},
  };
  return kinds;
}

const CheckKind* find_check_kind(std::string_view name) {
  for (const auto& k : check_kinds())
    if (k.name == name) return &k;
  return nullptr;
}

}  // namespace wxlint
