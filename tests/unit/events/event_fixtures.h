#pragma once
// Loads the core/v1 EventList fixture and builds records for the event tests.
#include "app/core/event_store.h"

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

namespace hpascope::test {

inline nlohmann::json loadJson(const QString &name)
{
    QFile f(QStringLiteral(HPASCOPE_TEST_DATA_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return nlohmann::json::parse(f.readAll().toStdString(), nullptr, false);
}

inline std::vector<EventRecord> fixtureEvents()
{
    std::vector<EventRecord> out;
    auto list = kube::api::decodeEventList(loadJson(QStringLiteral("events_list.json")));
    if (!list)
        return out;
    for (const auto &e : list.value().items)
        out.push_back(toEventRecord(e));
    return out;
}

inline EventFilter webFilter()
{
    return {QStringLiteral("shop"), QStringLiteral("web"), QStringLiteral("Deployment"), QStringLiteral("web")};
}

inline QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

} // namespace hpascope::test
