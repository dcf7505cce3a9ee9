// The ddbsynth subcommands. Each file adds one subcommand to the app; main.cpp lists them.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ddbsynth/backend.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth::cli {

enum Exit : int { kOk = 0, kFindings = 1, kInvalid = 2 };

// Set by a subcommand's callback; main returns it.
extern int g_exit;

void add_synth(CLI::App& app);
void add_validate(CLI::App& app);
void add_targets(CLI::App& app);
void add_check(CLI::App& app);
void add_plan(CLI::App& app);
void add_new(CLI::App& app);
void add_gen(CLI::App& app);
void add_local(CLI::App& app);
void add_connect(CLI::App& app);
void add_model(CLI::App& app);

// Loads every config, printing each located error on stderr. Nullopt when any was invalid.
std::optional<std::vector<Table>> load_all(const std::vector<std::string>& paths);

// "ddbsynth: error: <message>" on stderr.
void report(const std::string& message);

// The configs named on the command line, or ./config.json.
std::vector<std::string> or_default(const std::vector<std::string>& configs);

// Comma-separated registered target names, for --help.
std::string target_names();

// The backend for --target with --format ("" = its default), or null after reporting why not.
const Backend* backend_for(const std::string& target, const std::string& format);

}  // namespace ddbsynth::cli
