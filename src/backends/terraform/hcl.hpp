// A small document model of Terraform configuration, rendered two ways from the same tree:
// native HCL in `terraform fmt` style, and Terraform JSON (*.tf.json). Building one tree and
// printing it twice is what keeps the two formats saying the same thing.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ddbsynth::tf {

// An argument's value. Strings are data (escaped on output, whatever they contain); Raw is
// expression source the backend writes itself (references, operators), never config text.
struct Value {
  enum class Kind { Null, Bool, Number, String, Raw, Type, Template, List, Object, Call };
  struct Field;

  Kind kind = Kind::Null;
  bool flag = false;          // Bool
  int64_t number = 0;         // Number
  std::string text;           // String, Raw, Type; the function name of a Call
  std::vector<Value> items;   // List items; Template parts (String or Raw); Call arguments
  std::vector<Field> fields;  // Object

  static Value null();
  static Value boolean(bool b);
  static Value integer(int64_t n);
  static Value str(std::string s);
  static Value raw(std::string expression);
  // A type constraint (`string`, `bool`): a bare expression in HCL, a plain string in JSON.
  static Value type(std::string t);
  static Value tmpl(std::vector<Value> parts);
  static Value list(std::vector<Value> items);
  static Value object(std::vector<Field> fields);
  static Value call(std::string function, std::vector<Value> args);
};

struct Value::Field {
  std::string key;
  Value value;
  bool bare = false;  // written as an identifier (a fixed name), not a quoted string (data)
};

// Defined once Field is complete: clang instantiates the vectors' destructors here.
inline Value Value::null() { return {}; }

struct Block;

// The arguments and nested blocks of a block (or of a file), in order.
struct Body {
  struct Entry {
    std::string name;
    Value value;                  // an argument when block is null
    std::shared_ptr<Block> block;
  };
  std::vector<Entry> entries;

  Body& set(std::string name, Value v);
  Block& add_block(std::string type, std::vector<std::string> labels = {});
};

struct Block {
  std::string type;
  std::vector<std::string> labels;
  Body body;
};

// A whole file: its top-level blocks and a leading comment.
struct File {
  std::string comment;  // one line, written as `# ...` (HCL) or a "//" property (JSON)
  Body body;
};

std::string to_hcl(const File& file);
std::string to_tf_json(const File& file);

}  // namespace ddbsynth::tf
