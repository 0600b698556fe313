// The seed experiment in the window, on the real control plane: the dashboard connects with the
// e2e kubeconfig, the user selects `web` and pushes values through the slider panel's own
// widgets, and every panel follows the real HPA controller (table, charts' series, events, the
// "Why" box, conditions). Writes dashboard_e2e.png in the build dir for a person to look at.
// Then `hpascope snapshot --json`, the real executable, against what kube/ reads directly.
#include "e2e_support.h"
#include "app/core/cluster_session.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/hpa_list_model.h"
#include "app/core/recorder.h"
#include "app/window/main_window.h"
#include "tests/support/window_driver.h"
#include "kube/api/hpa.h"
#include "kube/api/hpa_metrics.h"
#include "kube/api/list.h"
#include "kube/api/paths.h"
#include "widgets/hpa_table_view.h"
#include "widgets/metric_slider_panel.h"
#include "widgets/timeline_panel.h"

#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <map>
#include <nlohmann/json.hpp>

using namespace hpascope;

namespace {

const QString kWeb = QStringLiteral("default/web");
// Generous: the HPA controller syncs every 1 s on the test cluster, but the machine is shared.
constexpr int kScaleTimeoutMs = 120000;
constexpr int kConnectTimeoutMs = 30000;
constexpr int kPushTimeoutMs = 30000;

// Values >= 2 recorded at or after t0 (ms) in a replica series.
bool seriesReached(const SeriesStore *store, const QString &field, qint64 t0)
{
    for (const TimedValue &p : store->raw(series_keys::replicas(kWeb, field)))
        if (p.t >= t0 && p.v >= 2)
            return true;
    return false;
}

struct Snapshot {
    QStringList names;
    // name -> "min/max/current/desired"
    std::map<std::string, std::string> replicas;
    // name -> identity -> target text
    std::map<std::string, std::map<std::string, std::string>> targets;
};

QString describe(const Snapshot &s)
{
    QStringList parts;
    for (const auto &[name, r] : s.replicas) {
        QString line = QString::fromStdString(name + " " + r);
        if (auto it = s.targets.find(name); it != s.targets.end())
            for (const auto &[identity, text] : it->second)
                line += QString::fromStdString(" [" + identity + " -> " + text + "]");
        parts << line;
    }
    return parts.join(QStringLiteral("; "));
}

std::string replicaText(int min, int max, int current, int desired)
{
    return std::to_string(min) + "/" + std::to_string(max) + "/" + std::to_string(current) + "/" + std::to_string(desired);
}

} // namespace

class TestDashboard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void dashboardFollowsTheSeedExperiment()
    {
        StartupOptions o;
        o.load.kubeconfigPath = e2e::kubeconfigPath().toStdString();
        o.namespaceName = QStringLiteral("default");
        MainWindow w(o);
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ClusterSession *session = w.session();
        QTRY_VERIFY2_WITH_TIMEOUT(session->state().kind == ConnectionState::Kind::Live,
                                  qPrintable(session->state().reason), kConnectTimeoutMs);
        QCOMPARE(session->namespaceName(), QStringLiteral("default"));
        const HpaListModel *model = session->hpaModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(kWeb) >= 0, kConnectTimeoutMs);
        auto column = [model](HpaListModel::Column c) { return model->index(model->rowOf(kWeb), c).data().toInt(); };
        auto replicasText = [&] {
            return QStringLiteral("web: current %1, desired %2").arg(column(HpaListModel::Current)).arg(column(HpaListModel::Desired));
        };

        // Select web in the (sorted, filtered) table: the detail and the sliders follow.
        QTableView *table = w.hpaTable()->table();
        const QModelIndexList hits = table->model()->match(table->model()->index(0, HpaListModel::Name), Qt::DisplayRole,
                                                           QStringLiteral("web"), 1, Qt::MatchExactly);
        QCOMPARE(hits.size(), 1);
        table->setCurrentIndex(hits.first());
        QTRY_COMPARE(w.detailModel()->key(), kWeb);

        const test::SliderRow row = test::sliderRow(w);
        QVERIFY(row.complete());
        QLineEdit *edit = row.edit;
        QPushButton *send = row.send;
        QLabel *status = row.status;
        auto push = [&](const QString &value) {
            edit->setText(value);
            QTRY_VERIFY(send->isEnabled());
            send->click();
        };

        // Start from the floor: a low value, web at 1 replica (an earlier run may have left it higher).
        push(QStringLiteral("100m"));
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral("read back 100m")), qPrintable(status->text()), kPushTimeoutMs);
        QTRY_VERIFY2_WITH_TIMEOUT(column(HpaListModel::Current) == 1 && column(HpaListModel::Desired) == 1,
                                  qPrintable(replicasText()), kScaleTimeoutMs);
        // Everything below must happen from here on. Events carry whole seconds: one second of slack.
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        const QDateTime eventsFrom = QDateTime::fromMSecsSinceEpoch(t0 - 1000, Qt::UTC);

        // The experiment: 400m against the 300m target.
        push(QStringLiteral("400m"));
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral("read back 400m")), qPrintable(status->text()), kPushTimeoutMs);
        QVERIFY2(status->text().contains(QStringLiteral("sent 400m")), qPrintable(status->text()));
        // The push is history: the recorder keeps what the user did next to what the cluster did.
        {
            Recorder *history = session->recorder();
            QVERIFY(history);
            QVERIFY(history->flush());
            const auto pushes = history->loadPushes(QStringLiteral("default"), eventsFrom, QDateTime::currentDateTimeUtc().addSecs(1));
            QVERIFY2(std::any_of(pushes.begin(), pushes.end(), [](const MetricPushRecord &p) { return p.value == QStringLiteral("400m") && p.ok; }),
                     "the 400m push is not in the recorder");
        }

        // 400m / 300m = 1.33 > 1 + 0.1 tolerance: ceil(1.33 × 1) = 2. The table follows the watch.
        QTRY_VERIFY2_WITH_TIMEOUT(column(HpaListModel::Desired) >= 2, qPrintable(replicasText()), kScaleTimeoutMs);
        QTRY_VERIFY2_WITH_TIMEOUT(column(HpaListModel::Current) >= 2, qPrintable(replicasText()), kScaleTimeoutMs);

        // The charts' data: raw change points, and the screen-resolution view the chart draws.
        const SeriesStore *series = session->series();
        QTRY_VERIFY_WITH_TIMEOUT(seriesReached(series, QStringLiteral("desired"), t0), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(seriesReached(series, QStringLiteral("current"), t0), 10000);
        for (const QString &field : {QStringLiteral("desired"), QStringLiteral("current")}) {
            const SeriesView view = series->view(series_keys::replicas(kWeb, field), t0, QDateTime::currentMSecsSinceEpoch() + 1, 800);
            QVERIFY2(!view.isEmpty() && view.maxY >= 2, qPrintable(field));
        }

        // The charts' scale-up marks ("from→to" at each new lastScaleTime) chain: a rescale starts
        // where the previous one ended (or higher, when a mark is missing, e.g. two rescales within
        // one second of lastScaleTime), never below it. 400m keeps web scaling (1→2→3→4 within the
        // first 15 s scale-up period), so two marks come quickly.
        auto scaleMarks = [&] {
            QList<Annotation> marks = series->annotations(kWeb, t0 - 1000, QDateTime::currentMSecsSinceEpoch() + 1000);
            std::stable_sort(marks.begin(), marks.end(), [](const Annotation &a, const Annotation &b) { return a.t < b.t; });
            QStringList texts;
            for (const Annotation &a : marks)
                if (a.kind == Annotation::Kind::ScaleUp)
                    texts << a.text;
            return texts;
        };
        QTRY_VERIFY_WITH_TIMEOUT(scaleMarks().size() >= 2, 30000);

        // The controller's event, through the session's one event watch.
        auto rescaleText = [&]() -> QString {
            for (const EventRecord &e : session->events()->events())
                if (e.reason == QLatin1String("SuccessfulRescale") && e.involvedKind == QLatin1String("HorizontalPodAutoscaler")
                    && e.involvedName == QLatin1String("web") && e.when() >= eventsFrom)
                    return e.message;
            return {};
        };
        QTRY_VERIFY_WITH_TIMEOUT(!rescaleText().isEmpty(), kScaleTimeoutMs);
        qInfo("event: SuccessfulRescale %s", qPrintable(rescaleText()));

        // The "Why" box names the metric that drives the scaling.
        auto *why = w.findChild<QLabel *>(QStringLiteral("whyLabel"));
        QVERIFY(why);
        QTRY_VERIFY2_WITH_TIMEOUT(why->isVisible() && why->text().contains(QStringLiteral("test-metric")), qPrintable(why->text()), 10000);
        qInfo("why (scaling up): %s", qPrintable(why->text()));
        auto *desiredLabel = w.findChild<QLabel *>(QStringLiteral("desiredReplicas"));
        QVERIFY(desiredLabel);
        QTRY_VERIFY2(desiredLabel->text().toInt() >= 2, qPrintable(desiredLabel->text()));

        w.timeline()->tick(); // draw the newest points now rather than at the next repaint
        const QString shot = QStringLiteral(QT_TESTCASE_BUILDDIR "/dashboard_e2e.png");
        QVERIFY(w.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));

        const QStringList marks = scaleMarks();
        qInfo("scale marks while scaling up: %s", qPrintable(marks.join(QStringLiteral(", "))));
        int previousTo = 1;
        for (const QString &mark : marks) {
            const QStringList fromTo = mark.split(QChar(0x2192)); // "→"
            QCOMPARE(fromTo.size(), 2);
            QVERIFY2(fromTo[0].toInt() >= previousTo && fromTo[1].toInt() > fromTo[0].toInt(),
                     qPrintable(marks.join(QStringLiteral(", "))));
            previousTo = fromTo[1].toInt();
        }

        // Record every condition reason the detail shows while web scales back down: the
        // stabilization window holds the replicas first (test cluster: 5 s), then lets them go.
        HpaConditionsModel *conditions = w.detailModel()->conditionsModel();
        QSet<QString> reasonsSeen;
        auto collect = [&] {
            for (int r = 0; r < conditions->rowCount(); ++r)
                reasonsSeen.insert(conditions->index(r, HpaConditionsModel::Type).data().toString() + QLatin1Char('/')
                                   + conditions->index(r, HpaConditionsModel::Reason).data().toString());
        };
        connect(conditions, &QAbstractItemModel::modelReset, this, collect);
        connect(conditions, &QAbstractItemModel::dataChanged, this, collect);
        connect(conditions, &QAbstractItemModel::rowsInserted, this, collect);

        push(QStringLiteral("100m"));
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral("read back 100m")), qPrintable(status->text()), kPushTimeoutMs);
        QTRY_VERIFY2_WITH_TIMEOUT(column(HpaListModel::Current) == 1 && column(HpaListModel::Desired) == 1,
                                  qPrintable(replicasText()), kScaleTimeoutMs);
        collect();
        const QStringList seen(reasonsSeen.begin(), reasonsSeen.end());
        qInfo("conditions seen while scaling down: %s", qPrintable(seen.join(QStringLiteral(", "))));
        QVERIFY2(reasonsSeen.contains(QStringLiteral("AbleToScale/ScaleDownStabilized")), qPrintable(seen.join(QStringLiteral(", "))));
        // The three conditions the controller maintains are all in the detail.
        QSet<QString> types;
        for (int r = 0; r < conditions->rowCount(); ++r)
            types.insert(conditions->index(r, HpaConditionsModel::Type).data().toString());
        for (const char *type : {"AbleToScale", "ScalingActive", "ScalingLimited"})
            QVERIFY2(types.contains(QLatin1String(type)), type);
        QVERIFY(seriesReached(series, QStringLiteral("desired"), t0)); // history stays
        qInfo("why (after scale-down): %s", qPrintable(why->text()));
    }

    void snapshotCommandAgreesWithKube()
    {
        auto client = e2e::connect();
        const QString kubeconfig = e2e::kubeconfigPath();

        auto fromCli = [&](QString *error) -> std::optional<Snapshot> {
            QProcess p;
            p.start(QStringLiteral(HPASCOPE_BIN), {QStringLiteral("snapshot"), QStringLiteral("--kubeconfig"), kubeconfig,
                                                   QStringLiteral("-n"), QStringLiteral("default"), QStringLiteral("--json")});
            if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
                *error = QStringLiteral("hpascope snapshot: exit %1: %2")
                             .arg(p.exitCode())
                             .arg(QString::fromUtf8(p.readAllStandardError()));
                return std::nullopt;
            }
            const auto doc = nlohmann::json::parse(p.readAllStandardOutput().toStdString(), nullptr, false);
            if (doc.is_discarded() || !doc.contains("hpas")) {
                *error = QStringLiteral("hpascope snapshot printed no JSON document with \"hpas\"");
                return std::nullopt;
            }
            Snapshot s;
            for (const auto &h : doc["hpas"]) {
                const std::string name = h["name"].get<std::string>();
                s.names << QString::fromStdString(name);
                s.replicas[name] = replicaText(h["minReplicas"].get<int>(), h["maxReplicas"].get<int>(),
                                               h["currentReplicas"].get<int>(), h["desiredReplicas"].get<int>());
                for (const auto &m : h["metrics"])
                    s.targets[name][m["identity"].get<std::string>()] =
                        m["target"].is_null() ? "(none)" : m["target"]["text"].get<std::string>();
            }
            return s;
        };
        auto fromKube = [&](QString *error) -> std::optional<Snapshot> {
            kube::http::Request req;
            req.path = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers";
            auto resp = client->sendSync(req);
            if (!resp) {
                *error = QString::fromStdString(resp.error().toString());
                return std::nullopt;
            }
            auto list = kube::api::decodeList<kube::api::HorizontalPodAutoscaler>(nlohmann::json::parse(resp->body, nullptr, false));
            if (!list) {
                *error = QString::fromStdString(list.error().toString());
                return std::nullopt;
            }
            Snapshot s;
            for (const auto &h : list->items) {
                const std::string &name = h.metadata.name;
                s.names << QString::fromStdString(name);
                s.replicas[name] = replicaText(h.spec.minReplicas.value_or(1), h.spec.maxReplicas, h.status.currentReplicas,
                                               h.status.desiredReplicas);
                for (const auto &m : h.spec.metrics) {
                    const auto *target = kube::api::targetOf(m);
                    s.targets[name][kube::api::identityOf(m).toString()] = target ? kube::api::describeTarget(*target) : "(none)";
                }
            }
            return s;
        };

        // The controller may move replicas between the two reads: retry the pair until they agree.
        QString mismatch = QStringLiteral("not compared yet");
        std::optional<Snapshot> agreed;
        auto comparePair = [&] {
            QString error;
            auto cli = fromCli(&error);
            std::optional<Snapshot> direct;
            if (cli)
                direct = fromKube(&error);
            if (!cli || !direct) {
                mismatch = error;
                return false;
            }
            cli->names.sort();
            direct->names.sort();
            if (cli->names != direct->names || cli->replicas != direct->replicas || cli->targets != direct->targets) {
                mismatch = QStringLiteral("snapshot: %1\nkube/:     %2").arg(describe(*cli), describe(*direct));
                return false;
            }
            agreed = std::move(cli);
            return true;
        };
        // QTRY evaluates once more after success: the latched result keeps that check stable.
        QTRY_VERIFY2_WITH_TIMEOUT(agreed.has_value() || comparePair(), qPrintable(mismatch), 60000);
        qInfo("agreed: %s", qPrintable(describe(*agreed)));
        // And the content is the seed scenario, not two equally empty answers.
        QCOMPARE(agreed->names, (QStringList{QStringLiteral("web"), QStringLiteral("worker")}));
        QVERIFY(agreed->replicas["web"].rfind("1/10/", 0) == 0);
        QVERIFY(agreed->replicas["worker"].rfind("1/5/", 0) == 0);
        QCOMPARE(agreed->targets["web"].size(), size_t(1));
        QCOMPARE(QString::fromStdString(agreed->targets["web"].begin()->second), QStringLiteral("300m"));
    }

    void snapshotCommandReportsAnUnreachableServer()
    {
        // Same credentials, a port nothing listens on (inside the namespace).
        QFile in(e2e::kubeconfigPath());
        QVERIFY(in.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(in.readAll());
        static const QRegularExpression server(QStringLiteral("server: *\\S+"));
        QVERIFY(text.contains(server));
        const QString closed = QStringLiteral("https://127.0.0.1:1");
        text.replace(server, QStringLiteral("server: ") + closed);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("kubeconfig"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text.toUtf8());
        out.close();

        QProcess p;
        p.start(QStringLiteral(HPASCOPE_BIN), {QStringLiteral("snapshot"), QStringLiteral("--kubeconfig"), path,
                                               QStringLiteral("-n"), QStringLiteral("default"), QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        const QByteArray stdoutText = p.readAllStandardOutput();
        qInfo("stderr: %s", qPrintable(err.trimmed()));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() != 0, qPrintable(err));
        QVERIFY2(stdoutText.trimmed().isEmpty(), stdoutText.constData());
        QVERIFY2(err.contains(QStringLiteral("cannot read the cluster at ") + closed), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("refused"), Qt::CaseInsensitive)
                     || err.contains(QStringLiteral("connect"), Qt::CaseInsensitive),
                 qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral("BEGIN")) && !err.contains(QStringLiteral("client-key-data")), qPrintable(err));
    }
};

QTEST_MAIN(TestDashboard)
#include "test_dashboard.moc"
