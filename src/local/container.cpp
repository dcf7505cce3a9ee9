#include "local/container.hpp"

#include <fmt/format.h>

namespace ddbsynth::local {

// The image's working directory holds DynamoDBLocal.jar; the data goes to the volume at ./data.
// Running as root lets the jar write to a fresh volume, whose mount point root owns.
// Never -optimizeDbBeforeStartup: DynamoDB Local's startup vacuum drops the primary-key and GSI
// uniqueness of its SQLite file, and PutItem/UpdateItem then write duplicate rows for one key
// (awslabs/amazon-dynamodb-local-samples#36; the seed's generator dropped it for that reason).
ContainerCommands container_commands(const LocalDev& local) {
  std::string engine = to_string(local.engine);
  std::string port = std::to_string(local.port);
  std::string volume = local.container_name + "-data";
  return ContainerCommands{
      .volume = volume,
      .image_present = {engine, "image", "inspect", local.image},
      .pull = {engine, "pull", local.image},
      .running_state = {engine, "container", "inspect", "--format", "{{.State.Running}}", local.container_name},
      .arguments = {engine, "container", "inspect", "--format", "{{json .Args}}", local.container_name},
      .start = {engine, "start", local.container_name},
      // Published on loopback only: DynamoDB Local accepts any credentials.
      .run = {engine, "run", "--detach", "--name", local.container_name, "--user", "root", "--workdir",
              "/home/dynamodblocal", "--publish", fmt::format("127.0.0.1:{}:{}", port, port), "--volume",
              volume + ":/home/dynamodblocal/data", local.image, "-jar", "DynamoDBLocal.jar", "-sharedDb", "-dbPath",
              "./data", "-port", port},
      .remove = {engine, "rm", "--force", local.container_name},
      .logs = {engine, "logs", "--follow", local.container_name},
      .remove_volume = {engine, "volume", "rm", volume},
  };
}

bool corrupts_data(const std::string& arguments) {
  return arguments.find(std::string("-") + kCorruptingFlag) != std::string::npos;
}

}  // namespace ddbsynth::local
