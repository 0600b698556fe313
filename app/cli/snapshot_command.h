#pragma once
// `hpascope snapshot [--kubeconfig F] [--context C | --demo] [-n NS | -A] --json`
#include <QStringList>
#include <QTextStream>

namespace hpascope::cli {

// Returns the process exit code: 0 on success, 1 when the cluster cannot be read, 2 for usage.
int runSnapshot(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace hpascope::cli
