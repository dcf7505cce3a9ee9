// How a string is spelled in Terraform configuration so that Terraform reads back exactly it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ddbsynth::tf {

// The string as a template's literal text: `${` and `%{` (which would start an interpolation or
// a directive) doubled to `$${` and `%%{`. Terraform JSON strings are templates too.
std::string escape_template(std::string_view s);

// A native-syntax quoted string: template escapes plus `\"`, `\\`, `\n`, `\r`, `\t` and `\uXXXX`
// for the other control characters, U+2028, U+2029 and U+FEFF. Other UTF-8 is written as it is.
std::string quote_hcl(std::string_view s);

// HCL normalizes every string literal to Unicode NFC, escapes included. False when that may
// change `s` (combining marks, compatibility singletons, ...): such a string must be spelled
// another way, see json_ascii.
bool literal_safe(std::string_view s);
bool nfc_unsafe(uint32_t code_point);  // the table behind literal_safe

// `s` as a JSON string literal in pure ASCII (\uXXXX for everything else), for
// jsondecode("..."), which Terraform evaluates without normalizing.
std::string json_ascii(std::string_view s);

// Columns `s` takes in a monospace editor, as `terraform fmt` counts them to align `=`:
// grapheme clusters, approximated for text that literal_safe accepts.
size_t columns(std::string_view s);

// A bare HCL identifier that reads as a literal object key.
bool plain_key(std::string_view s);

}  // namespace ddbsynth::tf
