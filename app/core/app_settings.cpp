#include "app/core/app_settings.h"

#include "app/core/recorder.h"
#include "app/core/translations.h"

#include <QFileInfo>
#include <QSettings>

#include <algorithm>

namespace hpascope {

namespace {
const QString kKeyRetention = QStringLiteral("history/retentionDays");
static_assert(std::chrono::hours(24) * AppSettings::kDefaultRetentionDays == Recorder::kDefaultRetention);
} // namespace

AppSettings AppSettings::load(const QSettings &settings)
{
    AppSettings s;
    s.language = settings.value(QLatin1String(kLanguageSetting)).toString();
    if (!s.language.isEmpty() && !availableLanguages().contains(s.language))
        s.language.clear();
    bool ok = false;
    const int days = settings.value(kKeyRetention).toInt(&ok);
    if (ok)
        s.retentionDays = std::clamp(days, kMinRetentionDays, kMaxRetentionDays);
    s.adapter = AdapterSettings::load(settings);
    return s;
}

void AppSettings::save(QSettings &settings) const
{
    if (language.isEmpty())
        settings.remove(QLatin1String(kLanguageSetting));
    else
        settings.setValue(QLatin1String(kLanguageSetting), language);
    settings.setValue(kKeyRetention, retentionDays);
    adapter.save(settings);
}

qint64 historyBytes(const QString &path)
{
    qint64 total = 0;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        if (const QFileInfo f(path + suffix); f.exists())
            total += f.size();
    return total;
}

} // namespace hpascope
