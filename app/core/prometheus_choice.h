#pragma once
// Where a context's history beyond hpascope's own comes from: the cluster's Prometheus, found
// among its Services (Auto, the default), given by the user (a URL, or namespace/service:port
// behind the API server's service proxy), or none (Off). Kept per context in QSettings
// (prometheus/<context>/{where,tokenFile}, written by the Settings dialog); `hpascope
// --prometheus WHERE` overrides it for one run. The token of a URL is read from a file, so no
// secret is ever written to the settings.
#include <QString>

class QSettings;

namespace hpascope {

struct PrometheusChoice {
    enum class Mode { Auto, Off, Given };
    Mode mode = Mode::Auto;
    QString where;     // Given: "http(s)://host:port[/path]" or "namespace/service:port"
    QString tokenFile; // Given a URL: a file holding a bearer token
    bool operator==(const PrometheusChoice &) const = default;

    // "auto" (or empty), "off", anything else is a place (checked when connecting).
    static PrometheusChoice fromText(const QString &text, const QString &tokenFile = {});
    QString toText() const; // what fromText reads back
};

PrometheusChoice prometheusChoiceFor(const QSettings &settings, const QString &context);
void savePrometheusChoice(QSettings &settings, const QString &context, const PrometheusChoice &choice);

} // namespace hpascope
