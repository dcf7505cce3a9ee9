// The container engine commands that run DynamoDB Local the way the seed's `dev` target does:
// the configured image, name and port, data in a named volume that outlives the container.
#pragma once

#include <string>

#include "ddbsynth/model.hpp"
#include "local/process.hpp"

namespace ddbsynth::local {

struct ContainerCommands {
  std::string volume;         // "<containerName>-data", the seed's name
  Command image_present;      // exit 0 when the image is there
  Command pull;
  Command running_state;      // prints "true" or "false"; fails when there is no container
  Command arguments;          // the existing container's arguments, as a JSON array
  Command start;              // an existing, stopped container
  Command run;                // a new container
  Command remove;             // the container only, never the volume
  Command logs;               // follows the container's log until it stops
  Command remove_volume;      // only ever shown, never run
};

ContainerCommands container_commands(const LocalDev& local);

// Versions before this one started DynamoDB Local with -optimizeDbBeforeStartup, whose startup vacuum
// lets PutItem/UpdateItem write duplicate rows for one key. A container keeps its arguments across
// `start`, so an existing one that has the flag must be recreated, not reused.
inline constexpr const char* kCorruptingFlag = "optimizeDbBeforeStartup";
bool corrupts_data(const std::string& arguments);

}  // namespace ddbsynth::local
