#pragma once
// Headless subcommands of the hpascope executable.
#include <QString>

namespace hpascope::cli {

bool isCommand(const char *arg);
// lang: the language asked for with --lang (taken out of argv already), or empty.
int run(int argc, char *argv[], const QString &lang = {});

} // namespace hpascope::cli
