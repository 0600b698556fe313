// CPU per pod on the real sandbox (kwok with usage-from-annotation, metrics-server on): the seed's
// CPU experiment through hpascope's own code path. resources/examples/api-deployment.yaml and
// api-hpa-cpu.yaml are applied in a namespace of their own; the window's slider panel offers
// "CPU per pod" (the pods' node is kwok's), 200m per pod (200 % of the 100m request against a 50 %
// target) makes the real HPA scale up, the pods created by the scale-up get the annotation too,
// the Pods tab's CPU column matches what metrics.k8s.io reports, and 20m brings it back down to
// minReplicas. Saves pods_cpu_e2e.png in the build dir.
#include "e2e_support.h"
#include "app/core/cluster_session.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/hpa_list_model.h"
#include "app/core/hpa_pods_model.h"
#include "app/core/pod_usage_text.h"
#include "app/window/main_window.h"
#include "kube/metrics/resource_metrics.h"
#include "tests/support/window_driver.h"
#include "widgets/hpa_detail_view.h"
#include "widgets/hpa_table_view.h"
#include "widgets/pods_panel.h"

#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <future>
#include <random>

using namespace hpascope;
using nlohmann::json;

namespace {

// metrics-server scrapes every 15 s and the controller syncs every 15 s; a scale-down also waits
// for the controller's downscale window (the sandbox publishes it; 300 s by default).
constexpr int kTimeoutMs = 420000;

json toJson(const YAML::Node &n)
{
    if (n.IsMap()) {
        json out = json::object();
        for (const auto &kv : n)
            out[kv.first.as<std::string>()] = toJson(kv.second);
        return out;
    }
    if (n.IsSequence()) {
        json out = json::array();
        for (const auto &item : n)
            out.push_back(toJson(item));
        return out;
    }
    const std::string s = n.as<std::string>();
    if (!s.empty() && s.find_first_not_of("0123456789") == std::string::npos && n.Tag() != "!")
        return std::stoll(s); // replicas, averageUtilization; quoted strings keep tag "!"
    return s;
}

json example(const char *file, const std::string &ns)
{
    json j = toJson(YAML::LoadFile(std::string(HPASCOPE_SOURCE_DIR "/resources/examples/") + file));
    j["metadata"]["namespace"] = ns;
    return j;
}

std::map<QString, qint64> metricsCpu(kube::http::Client &client, const std::string &ns)
{
    std::promise<kube::Result<kube::metrics::PodMetricsList>> p;
    kube::metrics::readPodUsage(client, ns, "app=api", [&p](auto r) { p.set_value(std::move(r)); });
    auto r = p.get_future().get();
    std::map<QString, qint64> out;
    if (r)
        for (const auto &pod : r->items)
            if (pod.cpuMilli())
                out[QString::fromStdString(pod.name)] = *pod.cpuMilli();
    return out;
}

} // namespace

class TestPodsCpu : public QObject {
    Q_OBJECT
    std::shared_ptr<kube::http::Client> m_client;
    std::string m_ns;

    int replicas()
    {
        kube::http::Request req;
        req.path = "/apis/apps/v1/namespaces/" + m_ns + "/deployments/api";
        auto r = m_client->sendSync(req);
        return r ? json::parse(r->body)["spec"].value("replicas", -1) : -1;
    }

    std::vector<std::string> annotations()
    {
        kube::http::Request req;
        req.path = "/api/v1/namespaces/" + m_ns + "/pods?labelSelector=app%3Dapi";
        auto r = m_client->sendSync(req);
        std::vector<std::string> out;
        if (r) {
            const json list = json::parse(r->body);
            for (const auto &p : list["items"])
                out.push_back(p["metadata"].value("annotations", json::object()).value("kwok.x-k8s.io/usage-cpu", ""));
        }
        return out;
    }

    // Every row's CPU usage is what metrics.k8s.io reports for that pod now.
    bool tabMatchesMetrics(QTableView *table)
    {
        const auto cpu = metricsCpu(*m_client, m_ns);
        if (cpu.empty() || table->model()->rowCount() != int(cpu.size()))
            return false;
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            const QString pod = table->model()->index(r, HpaPodsModel::Name).data().toString();
            const auto it = cpu.find(pod);
            const QString text = table->model()->index(r, HpaPodsModel::Cpu).data().toString();
            if (it == cpu.end() || !text.startsWith(usageQuantityText(UsageResource::Cpu, it->second) + QStringLiteral(" / ")))
                return false;
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_client = e2e::connect();
        std::random_device rd;
        m_ns = "cpu-" + std::to_string(rd() % 100000);
        e2e::post(*m_client, "/api/v1/namespaces", {{"metadata", {{"name", m_ns}}}});
        e2e::post(*m_client, "/apis/apps/v1/namespaces/" + m_ns + "/deployments", example("api-deployment.yaml", m_ns));
        e2e::post(*m_client, "/apis/autoscaling/v2/namespaces/" + m_ns + "/horizontalpodautoscalers",
             example("api-hpa-cpu.yaml", m_ns));
    }

    void cpuPerPodScalesTheRealHpa()
    {
        StartupOptions o;
        o.load.kubeconfigPath = e2e::kubeconfigPath().toStdString();
        o.namespaceName = QString::fromStdString(m_ns);
        MainWindow w(o);
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString key = QString::fromStdString(m_ns) + QStringLiteral("/api");
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->hpaModel()->rowOf(key) >= 0, 60000);
        QTableView *hpas = w.hpaTable()->table();
        const auto hits = hpas->model()->match(hpas->model()->index(0, HpaListModel::Name), Qt::DisplayRole,
                                               QStringLiteral("api"), 1, Qt::MatchExactly);
        QCOMPARE(hits.size(), 1);
        hpas->setCurrentIndex(hits.first());
        QTRY_COMPARE(w.detailModel()->key(), key);
        PodsPanel *pods = w.detailView()->podsPanel();
        w.findChild<QTabWidget *>(QStringLiteral("detailTabs"))->setCurrentWidget(pods);

        // 1. "CPU per pod" is offered: the pods run on kwok's node.
        QTRY_VERIFY_WITH_TIMEOUT(test::sliderRow(w).complete(), 60000);
        QVERIFY(test::sendValue(w, QStringLiteral("200m")));
        QTRY_VERIFY_WITH_TIMEOUT(test::sliderRow(w).status->text().contains(QStringLiteral("read back 200m per pod")), 30000);

        // 2. The real controller scales up (200 % against 50 %: maxReplicas 4), and the pods of
        //    the scale-up get the annotation as they appear.
        QTRY_VERIFY_WITH_TIMEOUT(replicas() >= 2, kTimeoutMs);
        auto allAnnotated = [&](const std::string &value) {
            const std::vector<std::string> all = annotations();
            return all.size() >= 2 && std::all_of(all.begin(), all.end(), [&](const std::string &a) { return a == value; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(allAnnotated("200m"), 60000);
        // 3. The Pods tab shows what metrics.k8s.io reports (both move every 15 s: wait for a moment
        //    they agree), ~200m per pod once metrics-server has two samples at the new rate.
        QTableView *table = pods->table();
        QTRY_VERIFY_WITH_TIMEOUT(tabMatchesMetrics(table), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto cpu = metricsCpu(*m_client, m_ns);
                return !cpu.empty() && std::all_of(cpu.begin(), cpu.end(), [](const auto &kv) {
                    return kv.second >= 190 && kv.second <= 210;
                });
            }(),
            kTimeoutMs);
        QVERIFY(w.grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/pods_cpu_e2e.png")));

        // 4. 20m per pod (20 %): back down to minReplicas after the downscale window.
        QVERIFY(test::sendValue(w, QStringLiteral("20m")));
        QTRY_VERIFY_WITH_TIMEOUT(test::sliderRow(w).status->text().contains(QStringLiteral("read back 20m per pod")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(replicas(), 1, kTimeoutMs);
    }

    void cleanupTestCase() { e2e::send(*m_client, "DELETE", "/api/v1/namespaces/" + m_ns); }
};

QTEST_MAIN(TestPodsCpu)
#include "test_pods_cpu.moc"
