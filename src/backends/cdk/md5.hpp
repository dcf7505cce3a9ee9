// MD5, which the CDK hashes construct paths with. Not for security: only to agree with it.
#pragma once

#include <string>
#include <string_view>

namespace ddbsynth::cdk {

// Lowercase hex digest of the bytes of `data` (UTF-8 for the CDK's strings).
std::string md5_hex(std::string_view data);

}  // namespace ddbsynth::cdk
