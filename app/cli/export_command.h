#pragma once
// `hpascope export --csv [--kubeconfig F] [--context C] [-n NS] HPA
//                  (--since 30m | --from T [--to T] | --record-for 5m) [--out FILE.csv|-]
//                  [--record-for 5m] [--history DB] [--offline]`
// The recorded samples of one HPA in the range as CSV (app/core/report/samples_csv.h), to
// standard output or a file. The same range, history, recording and errors as `hpascope report`.
// A QCoreApplication is enough.
#include <QStringList>
#include <QTextStream>

namespace hpascope::cli {

// Exit code: 0 written, 1 nothing to export or the file cannot be written, 2 usage.
int runExport(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace hpascope::cli
