#include "app/core/prometheus_choice.h"

#include <QSettings>

namespace hpascope {

namespace {

QString group(const QString &context)
{
    // Context names may hold '/', which QSettings reads as a group separator.
    return QStringLiteral("prometheus/") + QString::fromLatin1(context.toUtf8().toPercentEncoding()) + QLatin1Char('/');
}

} // namespace

PrometheusChoice PrometheusChoice::fromText(const QString &text, const QString &tokenFile)
{
    PrometheusChoice c;
    const QString t = text.trimmed();
    if (t.isEmpty() || t.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0)
        return c;
    if (t.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0) {
        c.mode = Mode::Off;
        return c;
    }
    c.mode = Mode::Given;
    c.where = t;
    c.tokenFile = tokenFile.trimmed();
    return c;
}

QString PrometheusChoice::toText() const
{
    switch (mode) {
    case Mode::Auto: return QStringLiteral("auto");
    case Mode::Off: return QStringLiteral("off");
    case Mode::Given: return where;
    }
    return {};
}

PrometheusChoice prometheusChoiceFor(const QSettings &settings, const QString &context)
{
    const QString prefix = group(context);
    return PrometheusChoice::fromText(settings.value(prefix + QStringLiteral("where")).toString(),
                                      settings.value(prefix + QStringLiteral("tokenFile")).toString());
}

void savePrometheusChoice(QSettings &settings, const QString &context, const PrometheusChoice &choice)
{
    const QString prefix = group(context);
    if (choice.mode == PrometheusChoice::Mode::Auto) {
        settings.remove(prefix + QStringLiteral("where"));
        settings.remove(prefix + QStringLiteral("tokenFile"));
        return;
    }
    settings.setValue(prefix + QStringLiteral("where"), choice.toText());
    if (choice.tokenFile.isEmpty())
        settings.remove(prefix + QStringLiteral("tokenFile"));
    else
        settings.setValue(prefix + QStringLiteral("tokenFile"), choice.tokenFile);
}

} // namespace hpascope
