#include "app/cli/push_command.h"

#include "app/core/qs.h"
#include "app/core/recorder.h"

#include "kube/api/list.h"
#include "kube/api/paths.h"
#include "kube/api/pod.h"
#include "app/cli/cluster_flags.h"
#include "kube/http/client.h"
#include "kube/metrics/adapter_errors.h"
#include "kube/metrics/metrics_client.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

#include <array>

namespace hpascope::cli {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(PushCommand)
};
} // namespace

namespace {

struct KindAlias {
    std::string_view alias;
    std::string_view apiVersion;
    std::string_view kind;
};
// kubectl's short names and plurals for the kinds an HPA's Object metric usually describes.
constexpr std::array<KindAlias, 36> kAliases{{
    {"svc", "v1", "Service"}, {"service", "v1", "Service"}, {"services", "v1", "Service"},
    {"po", "v1", "Pod"}, {"pod", "v1", "Pod"}, {"pods", "v1", "Pod"},
    {"ns", "v1", "Namespace"}, {"namespace", "v1", "Namespace"}, {"namespaces", "v1", "Namespace"},
    {"cm", "v1", "ConfigMap"}, {"configmap", "v1", "ConfigMap"}, {"configmaps", "v1", "ConfigMap"},
    {"deploy", "apps/v1", "Deployment"}, {"deployment", "apps/v1", "Deployment"},
    {"deployments", "apps/v1", "Deployment"}, {"deployment.apps", "apps/v1", "Deployment"},
    {"deployments.apps", "apps/v1", "Deployment"},
    {"sts", "apps/v1", "StatefulSet"}, {"statefulset", "apps/v1", "StatefulSet"},
    {"statefulsets", "apps/v1", "StatefulSet"}, {"statefulset.apps", "apps/v1", "StatefulSet"},
    {"rs", "apps/v1", "ReplicaSet"}, {"replicaset", "apps/v1", "ReplicaSet"},
    {"replicasets", "apps/v1", "ReplicaSet"}, {"replicaset.apps", "apps/v1", "ReplicaSet"},
    {"ing", "networking.k8s.io/v1", "Ingress"}, {"ingress", "networking.k8s.io/v1", "Ingress"},
    {"ingresses", "networking.k8s.io/v1", "Ingress"},
    {"ingress.networking.k8s.io", "networking.k8s.io/v1", "Ingress"},
    {"ingresses.networking.k8s.io", "networking.k8s.io/v1", "Ingress"},
    {"job", "batch/v1", "Job"}, {"jobs", "batch/v1", "Job"}, {"job.batch", "batch/v1", "Job"},
    {"cj", "batch/v1", "CronJob"}, {"cronjob", "batch/v1", "CronJob"}, {"cronjobs", "batch/v1", "CronJob"},
}};

kube::api::AdapterService adapterFrom(const QCommandLineParser &p, const QCommandLineOption &ns,
                                      const QCommandLineOption &svc, const QCommandLineOption &port)
{
    kube::api::AdapterService a;
    if (p.isSet(ns))
        a.namespace_ = p.value(ns).toStdString();
    if (p.isSet(svc))
        a.name = p.value(svc).toStdString();
    if (p.isSet(port))
        a.port = p.value(port).toStdString();
    return a;
}

// A push belongs to the history like the window's (a report of the HPA lists it): recorded
// whatever became of it, once something was sent.
void recordInHistory(const QString &path, const QString &context, const MetricPushRecord &push, QTextStream &err)
{
    Recorder recorder;
    QString error;
    if (!recorder.open(path, &error)) {
        err << "hpascope push: " << Tr::tr("not recorded in the history: %1").arg(error) << "\n";
        return;
    }
    recorder.setContext(context);
    recorder.recordPush(push);
    if (!recorder.flush())
        err << "hpascope push: " << Tr::tr("not recorded in the history %1").arg(path) << "\n";
}

} // namespace

kube::Result<kube::api::CrossVersionObjectReference> parseObjectArgument(const QString &text)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == text.size() - 1 || text.indexOf(QLatin1Char('/'), slash + 1) >= 0)
        return kube::makeError(kube::Error::Kind::Invalid,
                               "\"" + text.toStdString() + "\" is not <kind>/<name>, e.g. service/web");
    const std::string kindPart = text.left(slash).toStdString();
    kube::api::CrossVersionObjectReference ref;
    ref.name = text.mid(slash + 1).toStdString();
    std::string lower = kindPart;
    for (char &c : lower)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    for (const auto &a : kAliases) {
        if (a.alias == lower) {
            ref.apiVersion = std::string(a.apiVersion);
            ref.kind = std::string(a.kind);
            return ref;
        }
    }
    // Kind[.group]: the version does not matter for the metrics paths, only the group does.
    const auto dot = kindPart.find('.');
    ref.kind = kindPart.substr(0, dot);
    ref.kind[0] = char(std::toupper(static_cast<unsigned char>(ref.kind[0])));
    ref.apiVersion = dot == std::string::npos ? "v1" : kindPart.substr(dot + 1) + "/v1";
    return ref;
}

int runPush(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.setApplicationDescription(Tr::tr("Write a fake custom metric value to the custom-metrics test adapter and read it back.\n"
        "  hpascope push [-n NS] <kind>/<name> <metric> <quantity>      (Object metric)\n"
        "  hpascope push [-n NS] --pods <selector> <metric> <quantity>  (Pods metric: every pod)"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, Tr::tr("Show this help."));
    const ClusterFlags cluster(Tr::tr("Namespace of the object or pods (default: the context's)."));
    const QCommandLineOption pods(QStringLiteral("pods"), Tr::tr("Write a Pods metric to every pod matching this label selector."), QStringLiteral("selector"));
    const QCommandLineOption labels(QStringLiteral("labels"), Tr::tr("Labels stored with the value (k=v,...), matched by the HPA's metric selector."), QStringLiteral("labels"));
    const QCommandLineOption adapterNs(QStringLiteral("adapter-namespace"), Tr::tr("Namespace of the test adapter's service (default custom-metrics)."), QStringLiteral("namespace"));
    const QCommandLineOption adapterSvc(QStringLiteral("adapter-service"), Tr::tr("Name of the test adapter's service (default custom-metrics-apiserver)."), QStringLiteral("name"));
    const QCommandLineOption adapterPort(QStringLiteral("adapter-port"), Tr::tr("Port name or number of the write endpoint (default http)."), QStringLiteral("port"));
    const QCommandLineOption history(QStringLiteral("history"),
                                     Tr::tr("The history database the push is recorded in, for reports (default: hpascope's own)."),
                                     QStringLiteral("FILE"));
    p.addOption(help);
    cluster.addTo(p);
    p.addOptions({pods, labels, adapterNs, adapterSvc, adapterPort, history});
    p.addPositionalArgument(QStringLiteral("target"), Tr::tr("<kind>/<name> (omit with --pods)"));
    p.addPositionalArgument(QStringLiteral("metric"), Tr::tr("Metric name"));
    p.addPositionalArgument(QStringLiteral("quantity"), Tr::tr("Value, e.g. 400m, 1.5, 2k"));

    auto usage = [&](const QString &message) {
        err << "hpascope push: " << message << "\n"
            << "usage: hpascope push [-n NS] <kind>/<name> <metric> <quantity>\n"
            << "       hpascope push [-n NS] --pods <selector> <metric> <quantity>\n"
            << Tr::tr("(hpascope push --help for all options)") << "\n";
        err.flush();
        return PushUsage;
    };
    if (!p.parse(args))
        return usage(p.errorText());
    if (p.isSet(help)) {
        out << p.helpText();
        out.flush();
        return PushOk;
    }
    const QStringList pos = p.positionalArguments();
    const bool podsMode = p.isSet(pods);
    if (pos.size() != (podsMode ? 2 : 3))
        return usage(podsMode ? Tr::tr("with --pods, give <metric> <quantity>")
                              : Tr::tr("give <kind>/<name> <metric> <quantity>"));
    const QString metric = pos.at(pos.size() - 2);
    auto quantity = kube::api::Quantity::parse(pos.last().toStdString());
    if (!quantity)
        return usage(qs(quantity.error().message));
    kube::api::CrossVersionObjectReference object;
    if (!podsMode) {
        auto parsed = parseObjectArgument(pos.first());
        if (!parsed)
            return usage(qs(parsed.error().message));
        object = parsed.value();
    }
    kube::metrics::Labels metricLabels;
    if (p.isSet(labels)) {
        for (const QString &pair : p.value(labels).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return usage(Tr::tr("--labels wants k=v[,k=v...], got \"%1\"").arg(p.value(labels)));
            metricLabels[pair.left(eq).trimmed().toStdString()] = pair.mid(eq + 1).trimmed().toStdString();
        }
    }

    auto connected = connectToCluster(cluster.read(p));
    if (!connected) {
        err << connectFailure(QStringLiteral("push"), connected.error());
        err.flush();
        return PushNoConfig;
    }
    const std::string nsName = connected->namespaceName;
    const std::shared_ptr<kube::http::Client> client = connected->client;
    kube::metrics::MetricsClient metrics(client, adapterFrom(p, adapterNs, adapterSvc, adapterPort));
    const QString adapterText = qs(kube::metrics::describeAdapter(metrics.adapter()));
    const QString sent = qs(quantity->toString());
    const std::string metricSelector = kube::metrics::formatLabels(metricLabels);
    const std::string metricName = metric.toStdString();
    MetricPushRecord pushRecord{{}, qs(nsName), qs(object.kind + "/" + object.name), metric, sent, true, {}};
    if (podsMode)
        pushRecord.object = Tr::tr("pods matching %1").arg(p.value(pods));
    const auto record = [&](const QString &error) {
        pushRecord.time = QDateTime::currentDateTimeUtc();
        pushRecord.ok = error.isEmpty();
        pushRecord.error = error;
        recordInHistory(p.isSet(history) ? p.value(history) : Recorder::defaultPath(), qs(connected->rest.contextName),
                        pushRecord, err);
    };

    if (!podsMode) {
        auto written = metrics.writeObjectMetricSync(nsName, object, metricName, quantity.value(), metricLabels);
        const QString what = qs(kube::api::qualifiedResource(object) + "/" + object.name);
        if (!written) {
            record(qs(written.error().toString()));
            err << "hpascope push: " << qs(written.error().toString()) << "\n";
            err.flush();
            return PushFailed;
        }
        out << Tr::tr("wrote %1 to metric %2 of %3 in namespace %4 (through %5)").arg(sent, metric, what, qs(nsName), adapterText)
            << "\n";
        auto back = metrics.readObjectMetricSync(nsName, object, metricName, metricSelector);
        record(back ? QString() : qs(back.error().toString()));
        if (!back) {
            out.flush();
            err << "hpascope push: " << Tr::tr("written, but reading it back failed: %1").arg(qs(back.error().toString())) << "\n";
            err.flush();
            return PushReadBackFailed;
        }
        out << Tr::tr("read back %1 from %2")
                   .arg(qs(back->value.toString()),
                        QStringLiteral("custom.metrics.k8s.io/") + qs(std::string(kube::metrics::nameOf(metrics.preferredVersion()))))
            << "\n";
        out.flush();
        return PushOk;
    }

    const std::string selector = p.value(pods).toStdString();
    kube::http::Request listReq;
    listReq.path = kube::api::podListPath(nsName, selector);
    auto listed = client->sendSync(listReq);
    std::vector<std::string> names;
    if (listed) {
        auto j = nlohmann::json::parse(listed->body, nullptr, false);
        auto list = kube::api::decodeList<kube::api::Pod>(j);
        if (!list) {
            err << "hpascope push: " << Tr::tr("cannot read the pod list: %1").arg(qs(list.error().toString())) << "\n";
            err.flush();
            return PushFailed;
        }
        for (const auto &pod : list->items)
            if (kube::api::takesWrittenValue(pod))
                names.push_back(pod.metadata.name);
    } else {
        err << "hpascope push: "
            << Tr::tr("cannot list pods \"%1\" in namespace %2: %3").arg(qs(selector), qs(nsName), qs(listed.error().toString()))
            << "\n";
        err.flush();
        return PushFailed;
    }
    if (names.empty()) {
        err << "hpascope push: " << Tr::tr("no running pods match \"%1\" in namespace %2").arg(qs(selector), qs(nsName)) << "\n";
        err.flush();
        return PushFailed;
    }
    auto result = metrics.writePodsMetricSync(nsName, names, metricName, quantity.value(), metricLabels);
    if (!result.ok())
        record(qs(result.summary().toString()));
    for (const auto &pod : result.written)
        out << Tr::tr("wrote %1 to metric %2 of pod %3 in namespace %4").arg(sent, metric, qs(pod), qs(nsName)) << "\n";
    out << Tr::tr("(through %1)").arg(adapterText) << "\n";
    out.flush();
    if (!result.ok()) {
        for (const auto &f : result.failed)
            err << "hpascope push: " << Tr::tr("pod %1: %2").arg(qs(f.pod), qs(f.error.toString())) << "\n";
        err.flush();
        return PushFailed;
    }
    auto back = metrics.readPodsMetricSync(nsName, selector, metricName, metricSelector);
    if (!back) {
        record(qs(back.error().toString()));
        err << "hpascope push: " << Tr::tr("written, but reading it back failed: %1").arg(qs(back.error().toString())) << "\n";
        err.flush();
        return PushReadBackFailed;
    }
    std::size_t found = 0;
    for (const auto &item : back->items) {
        if (std::find(names.begin(), names.end(), item.describedObject.name) == names.end())
            continue;
        ++found;
        out << Tr::tr("read back %1 for pod %2").arg(qs(item.value.toString()), qs(item.describedObject.name)) << "\n";
    }
    out.flush();
    record(found == names.size() ? QString()
                                 : Tr::tr("read back for %1 of %2 pods").arg(found).arg(names.size()));
    if (found != names.size()) {
        err << "hpascope push: "
            << Tr::tr("custom.metrics.k8s.io returned values for %1 of %2 pods").arg(found).arg(names.size()) << "\n";
        err.flush();
        return PushReadBackFailed;
    }
    return PushOk;
}

} // namespace hpascope::cli
