// The "Why" box and the status badge on the real control plane, in the states the controller
// puts an HPA in beyond plain scaling: a climb held by a scale-up policy, a scale-down disabled
// by the HPA's behavior, and a target that does not exist; then the scale-down window hpascope
// infers from an HPA without behavior that scales up and down (it must hold the sandbox's
// published flag). The window is opened on a namespace of its own; each HPA is selected as a
// person would (a click on its row) and the window is saved as why_<name>.png in the build dir
// for a person to look at.
#include "e2e_support.h"
#include "app/core/cluster_session.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/hpa_list_model.h"
#include "app/window/main_window.h"
#include "kube/api/quantity.h"
#include "kube/hpa/published_flags.h"
#include "kube/metrics/metrics_client.h"
#include "widgets/hpa_table_view.h"

#include <QLabel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace hpascope;
using nlohmann::json;

namespace {

constexpr int kTimeoutMs = 90000;

} // namespace

class TestWhyBox : public QObject {
    Q_OBJECT

    std::shared_ptr<kube::http::Client> m_client;
    std::string m_ns;

    void write(const std::string &metric, const char *value)
    {
        kube::metrics::MetricsClient metrics(m_client);
        auto s = metrics.writeObjectMetricSync(m_ns, { "v1", "Service", "load" }, metric,
                                               kube::api::Quantity::parse(value).value(), {});
        QVERIFY2(s, s ? "" : s.error().toString().c_str());
    }

    // Clicks the HPA's row and waits until the Why box and the badge say what they must.
    void expect(MainWindow &w, const QString &name, const QStringList &whyHas, const QStringList &whyLacks,
                const QString &badge)
    {
        QTableView *table = w.hpaTable()->table();
        QModelIndex hit;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto hits = table->model()->match(table->model()->index(0, HpaListModel::Name), Qt::DisplayRole,
                                                        name, 1, Qt::MatchExactly);
                hit = hits.isEmpty() ? QModelIndex() : hits.first();
                return hit.isValid();
            }(),
            kTimeoutMs);
        const QRect cell = table->visualRect(hit);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE(w.detailModel()->key(), QString::fromStdString(m_ns) + QLatin1Char('/') + name);
        auto *why = w.findChild<QLabel *>(QStringLiteral("whyLabel"));
        QVERIFY(why);
        auto row = [&] { return w.session()->hpaModel()->rowOf(QString::fromStdString(m_ns) + QLatin1Char('/') + name); };
        auto badgeText = [&] { return w.session()->hpaModel()->index(row(), HpaListModel::Status).data().toString(); };
        auto fits = [&] {
            const QString text = why->text();
            for (const QString &s : whyHas)
                if (!text.contains(s))
                    return false;
            for (const QString &s : whyLacks)
                if (text.contains(s))
                    return false;
            return badgeText() == badge;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(fits(), qPrintable(QStringLiteral("badge \"%1\", why: %2").arg(badgeText(), why->text())),
                                  kTimeoutMs);
        qInfo("%s [%s]: %s", qPrintable(name), qPrintable(badgeText()), qPrintable(why->text()));
        const QString shot = QStringLiteral(QT_TESTCASE_BUILDDIR "/why_%1.png").arg(name);
        QVERIFY(w.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_client = e2e::connect();
        m_ns = e2e::loadNamespace(*m_client, "why");
        const std::string deployments = "/apis/apps/v1/namespaces/" + m_ns + "/deployments";
        e2e::post(*m_client, deployments, e2e::deployment("climb", 2));
        e2e::post(*m_client, deployments, e2e::deployment("nodown", 1));
        e2e::post(*m_client, deployments, e2e::deployment("updown", 1));
        // climb: 1000 asks for 10, max 6, scale-up one pod per 15 s.
        write("climb-load", "1000");
        write("nodown-load", "400");
        write("orphan-load", "100");
        write("updown-load", "300"); // up to 3 while the other HPAs are looked at
        const std::string hpas = "/apis/autoscaling/v2/namespaces/" + m_ns + "/horizontalpodautoscalers";
        e2e::post(*m_client, hpas,
             e2e::objectHpa("climb", "climb", 6,
                 { { "scaleUp",
                     { { "stabilizationWindowSeconds", 0 },
                       { "policies", { { { "type", "Pods" }, { "value", 1 }, { "periodSeconds", 15 } } } } } } }));
        e2e::post(*m_client, hpas, e2e::objectHpa("nodown", "nodown", 10, { { "scaleDown", { { "selectPolicy", "Disabled" } } } }));
        e2e::post(*m_client, hpas, e2e::objectHpa("orphan", "absent", 10, nullptr));
        e2e::post(*m_client, hpas, e2e::objectHpa("updown", "updown", 10, nullptr));
    }

    void whyBoxNamesTheLimiter()
    {
        StartupOptions o;
        o.load.kubeconfigPath = qgetenv("HPASCOPE_E2E_KUBECONFIG").toStdString();
        o.namespaceName = QString::fromStdString(m_ns);
        MainWindow w(o);
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        // The climb: the policy, never maxReplicas, until it is at 6.
        expect(w, QStringLiteral("climb"),
               {QStringLiteral("Scale-up is limited by policy Pods 1 per 15 s (selectPolicy Max): the metrics ask for 10")},
               {QStringLiteral("At maxReplicas")}, QStringLiteral("rate-limited"));

        // Scale-down disabled: 400 took it to 4; at 100 it stays, and no window is blamed.
        expect(w, QStringLiteral("nodown"), {QStringLiteral("stay at 4")}, {}, QStringLiteral("stable"));
        write("nodown-load", "100");
        expect(w, QStringLiteral("nodown"),
               {QStringLiteral("Scale-down is disabled by the HPA's behavior (scaleDown.selectPolicy: Disabled): "
                               "the metrics ask for 1, replicas stay at 4")},
               {QStringLiteral("stabilization window"), QStringLiteral("\u2192 1 at")}, QStringLiteral("scale-down disabled"));

        // A target that does not exist: the first thing said, and what to check.
        expect(w, QStringLiteral("orphan"),
               {QStringLiteral("The controller cannot read the scale of its target Deployment/absent"),
                QStringLiteral("Check that deployments.apps/absent exists in namespace ") + QString::fromStdString(m_ns)},
               {QStringLiteral("Stable")}, QStringLiteral("target missing"));

        // The sandbox publishes its controller flags (tests/cluster/up): the session reads them,
        // and the behavior hpascope shows for an HPA without spec.behavior is the cluster's.
        const auto window = kube::hpa::parseGoDuration(qEnvironmentVariable("HPASCOPE_HPA_DOWNSCALE_STABILIZATION", QStringLiteral("5s")).toStdString());
        QVERIFY(window);
        const qint64 seconds = std::chrono::duration_cast<std::chrono::seconds>(*window).count();
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->profile().controllerSource == kube::hpa::ConfigSource::Published, kTimeoutMs);
        QCOMPARE(qint64(w.session()->controllerConfig().downscaleStabilization.count()), seconds);
        QTRY_COMPARE(w.detailModel()->behaviorModel()->index(1, HpaBehaviorModel::Window).data().toString(),
                     QStringLiteral("%1 s (controller flag)").arg(seconds));
        qInfo("published flags: scale-down window %lld s; behavior: %s", seconds, qPrintable(w.detailModel()->behavior().summary));

        // The flag's window, as the scale-downs seen bound it: updown (no behavior) went to 3;
        // at 100 it drops to 1 once the window has passed.
        const QString updown = QString::fromStdString(m_ns) + QStringLiteral("/updown");
        auto at3 = [&] {
            const auto *h = w.session()->observedHistory(updown);
            return h && !h->empty() && h->observations().back().status.currentReplicas == 3 &&
                   h->observations().back().status.desiredReplicas == 3;
        };
        QTRY_VERIFY_WITH_TIMEOUT(at3(), kTimeoutMs);
        QVERIFY(!w.session()->inferredWindow());
        write("updown-load", "100");
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->inferredWindow().has_value(), kTimeoutMs);
        const kube::hpa::WindowInference inferred = *w.session()->inferredWindow();
        qInfo("inferred scale-down window: %lld..%lld s from %d scale-downs%s", qint64(inferred.lo.count()),
              qint64(inferred.hi.count()), inferred.count, inferred.consistent ? "" : " (inconsistent)");
        QVERIFY2(inferred.contains(std::chrono::seconds(seconds)),
                 qPrintable(QStringLiteral("the published %1 s is outside the inferred window").arg(seconds)));
    }

    void cleanupTestCase() { e2e::send(*m_client, "DELETE", "/api/v1/namespaces/" + m_ns); }
};

QTEST_MAIN(TestWhyBox)
#include "test_why_box.moc"
