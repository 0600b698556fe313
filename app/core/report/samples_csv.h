#pragma once
// One HPA's recorded samples as CSV (`hpascope export --csv`), RFC 4180: CRLF line ends, a
// field holding a comma, a double quote, CR or LF in double quotes with its quotes doubled.
// One header row, then one row per sample:
//   time                     ISO 8601, UTC, milliseconds: 2024-05-01T14:00:00.250Z
//   currentReplicas, desiredReplicas, minReplicas, maxReplicas
//   then for each metric (every metric the samples hold, by identity, in spec order):
//   "<metric> current"       as recorded: the quantity as Kubernetes writes it (400m, 1500m, 2k),
//                            "50%" for a utilization, "avg 2k" for an AverageValue
//   "<metric> current value" the same as a plain number (0.4, 1.5, 50, 2000)
//   "<metric> target", "<metric> target value"
// <metric> is its display name ("test-metric on Service/web", "cpu"); two metrics with one
// name are told apart by their identity in brackets. A value unknown at a sample is empty.
// The header is a data format, like `snapshot --json`'s keys: not translated.
#include "app/core/hpa_sample.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace hpascope::report {

QByteArray samplesCsv(const std::vector<HpaSample> &samples);

// The header row's fields for these samples.
QStringList samplesCsvHeader(const std::vector<HpaSample> &samples);
// One field as RFC 4180 wants it.
QString csvField(const QString &text);

} // namespace hpascope::report
