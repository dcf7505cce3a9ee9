#include "local/container.hpp"

#include <fmt/format.h>

namespace ddbsynth::local {

// The image's working directory holds DynamoDBLocal.jar; the data goes to the volume at ./data.
// Running as root lets the jar write to a fresh volume, whose mount point root owns.
ContainerCommands container_commands(const LocalDev& local) {
  std::string engine = to_string(local.engine);
  std::string port = std::to_string(local.port);
  std::string volume = local.container_name + "-data";
  return ContainerCommands{
      .volume = volume,
      .image_present = {engine, "image", "inspect", local.image},
      .pull = {engine, "pull", local.image},
      .running_state = {engine, "container", "inspect", "--format", "{{.State.Running}}", local.container_name},
      .start = {engine, "start", local.container_name},
      // Published on loopback only: DynamoDB Local accepts any credentials.
      .run = {engine, "run", "--detach", "--name", local.container_name, "--user", "root", "--workdir",
              "/home/dynamodblocal", "--publish", fmt::format("127.0.0.1:{}:{}", port, port), "--volume",
              volume + ":/home/dynamodblocal/data", local.image, "-jar", "DynamoDBLocal.jar", "-sharedDb", "-dbPath",
              "./data", "-port", port, "-optimizeDbBeforeStartup"},
      .remove = {engine, "rm", "--force", local.container_name},
      .remove_volume = {engine, "volume", "rm", volume},
  };
}

}  // namespace ddbsynth::local
