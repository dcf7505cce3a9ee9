// ddbsynth's tag rules, for tests/conformance/tag-unicode.js to hold against Node (the CDK's
// runtime) and JavaScript's own Unicode regex:
//   tag_probe classify   one character per code point 0 ... 10FFFF: '1' in AWS's tag pattern,
//                        '0' not, '-' unassigned in this ICU's Unicode (or a surrogate)
//   tag_probe sort       reads a JSON array of tag keys (file order), writes them in the order
//                        the cdk target puts them
//   tag_probe version    the ICU and Unicode versions
#include <cstdio>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/uversion.h>

#include "config/tag_rules.hpp"
#include "ddbsynth/collate.hpp"

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "classify") {
    std::string out;
    out.reserve(0x110000);
    for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
      if (U_IS_SURROGATE(c) || u_charType(c) == U_UNASSIGNED) {
        out += '-';
        continue;
      }
      char buf[U8_MAX_LENGTH];
      int32_t n = 0;
      U8_APPEND_UNSAFE(buf, n, c);
      out += ddbsynth::first_char_outside_tag_pattern(std::string_view(buf, n)) ? '0' : '1';
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  if (mode == "sort") {
    std::string in((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    std::vector<std::pair<std::string, std::string>> tags;
    for (const auto& k : nlohmann::json::parse(in)) tags.emplace_back(k.get<std::string>(), "");
    ddbsynth::sort_tags_like_cdk(tags);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [k, v] : tags) out.push_back(k);
    std::cout << out.dump() << "\n";
    return 0;
  }
  if (mode == "version") {
    UVersionInfo icu, unicode;
    char a[U_MAX_VERSION_STRING_LENGTH], b[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(icu);
    u_getUnicodeVersion(unicode);
    u_versionToString(icu, a);
    u_versionToString(unicode, b);
    std::cout << nlohmann::json{{"icu", a}, {"unicode", b}}.dump() << "\n";
    return 0;
  }
  std::cerr << "usage: tag_probe classify|sort|version\n";
  return 2;
}
