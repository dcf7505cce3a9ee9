// Unified diffs (`diff -u`) of two texts, optionally coloured like `git diff`.
#pragma once

#include <string>
#include <string_view>

namespace ddbsynth::review {

struct DiffStyle {
  int context = 3;     // unchanged lines around each change
  bool color = false;  // ANSI colours for terminals
};

// The unified diff turning `old_text` into `new_text`, with "--- old_label" / "+++ new_label"
// headers; empty when the texts are equal. Lines are compared byte for byte, a missing final
// newline included ("\ No newline at end of file"), as GNU diff does.
std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_label,
                         std::string_view new_label, const DiffStyle& style = {});

}  // namespace ddbsynth::review
