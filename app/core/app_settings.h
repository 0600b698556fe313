#pragma once
// The settings a person changes in the Settings dialog, in QSettings (the file is private to the
// user, see private_file.h): the language (ui/language, read at start-up by translations.h), how
// long the history keeps rows (history/retentionDays) and where the test adapter lives
// (adapter/*, metric_writer.h). The controller flags are per context (kubeconfig_profile.h).
#include "app/core/metric_writer.h"

#include <QString>

#include <chrono>

class QSettings;

namespace hpascope {

struct AppSettings {
    static constexpr int kMinRetentionDays = 1;
    static constexpr int kMaxRetentionDays = 365;

    static constexpr int kDefaultRetentionDays = 7; // Recorder::kDefaultRetention

    QString language; // "", "en" or "ja"; empty: the system's
    int retentionDays = kDefaultRetentionDays;
    AdapterSettings adapter;

    static AppSettings load(const QSettings &settings); // out-of-range values are clamped
    void save(QSettings &settings) const;
    std::chrono::seconds retention() const { return std::chrono::hours(24) * retentionDays; }
    bool operator==(const AppSettings &) const = default;
};

// The history database's size on disk with its write-ahead log, in bytes (0 when absent).
qint64 historyBytes(const QString &path);

} // namespace hpascope
