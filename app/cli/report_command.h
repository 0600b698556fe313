#pragma once
// `hpascope report [--kubeconfig F] [--context C] -n NS HPA (--since 30m | --from T [--to T])
//                  --out FILE.pdf|.html|.png [--record-for 5m] [--redact-server] [--history DB]
//                  [--offline]`
// A report of one HPA from hpascope's recorded history, with the HPA as the cluster has it now
// when it can be read; --record-for watches live first. Needs a QGuiApplication (cli::run makes
// one, offscreen by default).
#include "app/cli/history_flags.h"

#include <QStringList>
#include <QTextStream>

namespace hpascope::cli {

// Exit code: 0 written, 1 nothing to report or the file cannot be written, 2 usage.
int runReport(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace hpascope::cli
