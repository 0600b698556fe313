#pragma once
// Headless subcommands of the hpascope executable.

namespace hpascope::cli {

bool isCommand(const char *arg);
int run(int argc, char *argv[]);

} // namespace hpascope::cli
