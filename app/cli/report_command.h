#pragma once
// `hpascope report [--kubeconfig F] [--context C] -n NS HPA (--since 30m | --from T [--to T])
//                  --out FILE.pdf|.html|.png [--redact-server] [--history DB] [--offline]`
// A report of one HPA from hpascope's recorded history, with the HPA as the cluster has it now
// when it can be read. Needs a QGuiApplication (cli::run makes one, offscreen by default).
#include <QDateTime>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace hpascope::cli {

// Exit code: 0 written, 1 nothing to report or the file cannot be written, 2 usage.
int runReport(const QStringList &args, QTextStream &out, QTextStream &err);

// "2024-05-01T14:00:00", "2024-05-01 14:00", with or without an offset ("Z", "+02:00");
// without one, local time. Invalid when it is none of those.
QDateTime parseReportTime(const QString &text);

} // namespace hpascope::cli
