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
  Command start;              // an existing, stopped container
  Command run;                // a new container
  Command remove;             // the container only, never the volume
  Command remove_volume;      // only ever shown, never run
};

ContainerCommands container_commands(const LocalDev& local);

}  // namespace ddbsynth::local
