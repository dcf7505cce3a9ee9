#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  using namespace ddbsynth::cli;
  CLI::App app{"ddbsynth: DynamoDB table configs (config.json) to CloudFormation, CDK-equal templates and Terraform"};
  app.set_version_flag("--version", std::string("ddbsynth ") + DDBSYNTH_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 ok, 1 findings or drift, 2 invalid input or usage.\n"
             "Run `ddbsynth <command> --help` for a command's options and examples.");
  add_synth(app);
  add_validate(app);
  add_model(app);
  add_targets(app);
  add_check(app);
  add_plan(app);
  add_new(app);
  add_connect(app);
  add_gen(app);
  add_local(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kInvalid;
  } catch (const std::exception& e) {
    std::cerr << "ddbsynth: internal error: " << e.what() << '\n';
    return 3;
  }
  return g_exit;
}
