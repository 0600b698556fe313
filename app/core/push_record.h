#pragma once
// One metric value hpascope wrote to the test adapter (MetricWriter), as the recorder keeps it
// for the history and the reports.
#include <QDateTime>
#include <QString>

namespace hpascope {

struct MetricPushRecord {
    QDateTime time; // UTC
    QString namespaceName;
    QString object; // "Service/kubernetes", "pods/web-abc", "namespaces/default"
    QString metric;
    QString value;  // the quantity written, e.g. "400m"
    bool ok = true;
    QString error;
    bool operator==(const MetricPushRecord &) const = default;
};

} // namespace hpascope
