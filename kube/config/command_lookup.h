#pragma once
// Find an exec plugin's program the way a terminal user would. A desktop-launched app inherits
// the session's PATH, not the one the login shell builds (~/.profile, Homebrew, krew, asdf...),
// so when the program is not on our PATH we also ask the login shell and try the usual places.
#include "kube/config/environment.h"

#include <string>
#include <vector>

namespace kube::config {

struct CommandLookup {
    std::string path;                  // file to execute; empty when not found
    std::vector<std::string> searched; // directories tried, in order (for the error message)
    std::string extraPath;             // directories to append to the plugin's PATH, may be empty
};

// `command` containing a '/' is used as is (kubeconfig-relative paths are already resolved).
CommandLookup lookupCommand(const std::string &command, const Environment &env);

// $SHELL -l -c 'printf %s "$PATH"', run once per shell and cached for the process lifetime.
std::string loginShellPath(const Environment &env);

} // namespace kube::config
