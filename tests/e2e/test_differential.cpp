// Differential test: kube/hpa (the HPA controller port) running inside kube/sim against the real
// HPA controller of tests/cluster. Every scenario (differential/scenarios.cpp) runs for real,
// all at once, each in its own namespace: a Deployment, an HPA, metric values pushed to the
// test adapter in phases, the Deployment's spec.replicas followed through a watch. Then the same
// scenario is replayed on a kube/sim World with the real controller's flags (read from its
// /configz) and the pushes at the times the real run made them. The sequences of replica counts
// and the final HPA conditions must be equal; times are compared only where a scenario is about
// time (a window that must hold, a policy period that must pass).
#include "differential/controller_flags.h"
#include "differential/real_run.h"
#include "differential/report.h"
#include "differential/sim_run.h"
#include "e2e_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <random>
#include <set>

using namespace diff;

namespace {

// A predicted step may come one sync period early or late (the statuses do not say exactly
// when the controller's syncs run), plus the watch's latency on a loaded 2-core machine.
constexpr diff::Millis kStepSlack { 1000 };
// A busy controller runs its syncs late: 3 s with a 1 s period were measured on the sandbox
// with 19 HPAs scaling at once and the previous run's namespaces terminating.
constexpr diff::Millis kLateStepBound { 6000 };

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string newRunId()
{
    // Namespaces of earlier runs may still be terminating: every run gets its own names.
    std::random_device rd;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%06x", rd() & 0xffffff);
    return buf;
}

} // namespace

class TestDifferential : public QObject {
    Q_OBJECT

    std::vector<Scenario> m_scenarios;
    std::vector<Trace> m_real, m_sim;
    std::vector<Row> m_rows;
    ControllerFlags m_flags;
    QElapsedTimer m_clock;

private slots:
    void initTestCase()
    {
        m_clock.start();
        auto client = e2e::connect();
        m_flags = readControllerFlags(client->config());
        qInfo(
            "controller flags from %s: sync %lld ms, downscale stabilization %lld ms, tolerance %g",
            m_flags.source.c_str(), static_cast<long long>(m_flags.syncPeriod.count()),
            static_cast<long long>(m_flags.downscaleStabilization.count()), m_flags.tolerance);
        // kube/sim's World has no tolerance option: it runs the controller's default.
        QCOMPARE(m_flags.tolerance, 0.1);
        m_scenarios = scenarios();
        QVERIFY(m_scenarios.size() >= 12);
        // HPASCOPE_DIFF_ONLY=a,b: only these scenarios (to study one; the suite runs them all).
        if (const QString only = qEnvironmentVariable("HPASCOPE_DIFF_ONLY"); !only.isEmpty()) {
            const QStringList names = only.split(QLatin1Char(','));
            std::erase_if(m_scenarios,
                [&](const Scenario &s) { return !names.contains(QString::fromStdString(s.name)); });
            QVERIFY2(!m_scenarios.empty(), "HPASCOPE_DIFF_ONLY names no scenario");
        }

        const std::string run = newRunId();
        m_real = runReal(client, m_scenarios, run, m_flags);
        qInfo("real runs done after %.1f s", m_clock.elapsed() / 1000.0);
        deleteNamespaces(client, m_scenarios, run);
        for (std::size_t i = 0; i < m_scenarios.size(); ++i) {
            m_sim.push_back(
                runSim(m_scenarios[i], m_flags, m_real[i], namespaceOf(m_scenarios[i], run)));
            // Only where it is all that differs from the port's run, and named in the log.
            Trace settled = m_real[i];
            settleHalfWrittenPhases(m_scenarios[i], m_flags, settled);
            if (!settled.settled.empty() && settled.sequence() != m_real[i].sequence()
                && settled.sequence() == m_sim.back().sequence()) {
                qInfo("%s: a sync saw a half-written phase (%s); that step is left out of the comparison",
                    m_scenarios[i].name.c_str(), settled.settled.c_str());
                m_real[i] = std::move(settled);
            }
            m_rows.push_back(compare(m_scenarios[i], m_real[i], m_sim[i], m_flags));
        }
    }

    void scenario_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < m_scenarios.size(); ++i)
            QTest::newRow(m_scenarios[i].name.c_str()) << static_cast<int>(i);
    }

    void scenario()
    {
        QFETCH(int, index);
        const Scenario &s = m_scenarios[index];
        const Trace &real = m_real[index];
        const Trace &sim = m_sim[index];
        QVERIFY2(real.error.empty(),
            ("real run: " + real.error + " (saw " + sequenceText(real.sequence()) + ")").c_str());
        QVERIFY2(sim.error.empty(), sim.error.c_str());
        // The explainer against the controller on every status it wrote: the limiters hpascope's
        // replay of that sync reaches (on the memory rebuilt from the statuses before it) are
        // the ones the controller's conditions name, and so is the replica count.
        QVERIFY2(!real.verdicts.empty(), "no status of the HPA was seen");
        if (qEnvironmentVariableIsSet("HPASCOPE_DIFF_VERBOSE"))
            for (const auto &v : real.verdicts)
                qInfo("+%lld ms %s: replay %s (%d), controller %s (%d): %s\n  seen:%s",
                    static_cast<long long>(v.at.count()), v.determined ? "determined" : "undetermined",
                    v.computed.c_str(), v.desiredComputed, v.reported.c_str(), v.desiredReal,
                    v.why.c_str(), v.seen.c_str());
        for (const auto &v : real.verdicts) {
            if (!v.determined)
                continue;
            const std::string at = "status at +" + std::to_string(v.at.count()) + " ms: replay "
                + v.computed + " (" + std::to_string(v.desiredComputed) + "), controller "
                + v.reported + " (" + std::to_string(v.desiredReal) + "); why: " + v.why;
            QVERIFY2(v.computed == v.reported, at.c_str());
            QVERIFY2(v.desiredComputed == v.desiredReal, at.c_str());
            // The path ahead: the next rescale comes when and where the explainer said.
            if (v.stepError && !v.stepUncertain) {
                const std::string step = at + "; predicted next step to "
                    + std::to_string(v.predictedTo) + ", the controller went to "
                    + std::to_string(v.actualTo) + " "
                    + std::to_string(v.stepError->count()) + " ms after the predicted time (which "
                    + "may come " + std::to_string(v.stepRange.count()) + " ms earlier)";
                QVERIFY2(v.predictedTo == v.actualTo, step.c_str());
                // Never earlier than predicted by more than a sync (the controller cannot act
                // before a window or a policy period lets it); later, by the controller's own
                // queue delay on a loaded machine, which the table reports.
                QVERIFY2(*v.stepError > -v.stepRange - m_flags.syncPeriod - kStepSlack, step.c_str());
                QVERIFY2(*v.stepError < kLateStepBound, step.c_str());
            }
        }
        if (s.checkPath) {
            // The path told at the first status after the last push that tells a whole path,
            // against the rescales the controller then made.
            const Millis lastPush = real.pushes.empty() ? Millis(0) : real.pushes.back();
            const SyncVerdict *told = nullptr;
            for (const auto &v : real.verdicts)
                if (v.at > lastPush && v.determined && v.path.size() >= 2) {
                    told = &v;
                    break;
                }
            QVERIFY2(told, "no status after the push told a whole path");
            std::vector<std::pair<Millis, int>> actual;
            for (const auto &r : real.rescaleStatuses)
                if (r.first > told->at)
                    actual.push_back(r);
            std::string both = "told at +" + std::to_string(told->at.count()) + " ms:";
            for (const auto &[t, n] : told->path)
                both += " " + std::to_string(n) + "@+" + std::to_string(t.count());
            both += "; the controller:";
            for (const auto &[t, n] : actual)
                both += " " + std::to_string(n) + "@+" + std::to_string(t.count());
            qInfo("path %s", both.c_str());
            QVERIFY2(actual.size() >= told->path.size(), both.c_str());
            for (std::size_t k = 0; k < told->path.size(); ++k) {
                QVERIFY2(actual[k].second == told->path[k].second, both.c_str());
                // Each step inherits the lateness of the one before.
                const Millis error = actual[k].first - told->path[k].first;
                const auto steps = static_cast<int>(k + 1);
                QVERIFY2(error > -(m_flags.syncPeriod + kStepSlack) * steps, both.c_str());
                QVERIFY2(error < kLateStepBound * steps, both.c_str());
            }
        }
        if (!s.knownGap.empty())
            QEXPECT_FAIL("", s.knownGap.c_str(), Abort);
        // The port against the real controller.
        QCOMPARE(text(sequenceText(sim.sequence())), text(sequenceText(real.sequence())));
        QCOMPARE(text(conditionsText(sim.conditions)), text(conditionsText(real.conditions)));
        QCOMPARE(text(conditionMessagesText(sim.conditions)),
            text(conditionMessagesText(real.conditions)));
        QCOMPARE(text(rescalesText(sim.rescales)), text(rescalesText(real.rescales)));
        if (s.timing) {
            const std::string realTiming = s.timing(real, m_flags);
            const std::string simTiming = s.timing(sim, m_flags);
            QVERIFY2(realTiming.empty(), ("real: " + realTiming).c_str());
            QVERIFY2(simTiming.empty(), ("sim: " + simTiming).c_str());
        }
        // The scenario exercised what it is about (a design check of the scenario itself).
        QCOMPARE(text(sequenceText(real.sequence())), text(sequenceText(s.expected)));
        for (const auto &[type, state] : s.expectedConditions) {
            const auto it = real.conditions.find(type);
            QVERIFY2(it != real.conditions.end(), ("no condition " + type).c_str());
            QCOMPARE(text(it->second.status + "/" + it->second.reason),
                text(state.status + "/" + state.reason));
        }
    }

    void cleanupTestCase()
    {
        if (m_rows.empty())
            return;
        const QString runtime = QString::number(m_clock.elapsed() / 1000.0, 'f', 1) + " s";
        const auto lines = markdownTable(m_rows, m_flags, runtime.toStdString());
        QString markdown;
        for (const auto &l : lines) {
            qInfo("%s", l.c_str());
            markdown += text(l) + '\n';
        }
        // The explainer's agreement with the controller, status by status.
        const std::vector<std::string> verdictLines = [&] {
            std::vector<std::string> l { "", "Explainer vs the real controller (every status it wrote):", "",
                "| scenario | statuses | replay = controller | undetermined | limiters agreed on | "
                "limiters only on undetermined statuses | predicted steps checked | step came early / late by at most |",
                "|---|---|---|---|---|---|---|---|" };
            for (std::size_t i = 0; i < m_scenarios.size() && i < m_real.size(); ++i) {
                int agreed = 0, undetermined = 0, steps = 0;
                long long earliest = 0, latest = 0;
                std::set<std::string> agreedOn, open;
                for (const auto &v : m_real[i].verdicts) {
                    if (!v.determined) {
                        ++undetermined;
                        open.insert(v.reported);
                    } else if (v.computed == v.reported && v.desiredComputed == v.desiredReal) {
                        ++agreed;
                        agreedOn.insert(v.reported);
                    }
                    if (v.determined && v.stepError && !v.stepUncertain) {
                        ++steps;
                        earliest = std::min(earliest,
                            static_cast<long long>((*v.stepError + v.stepRange).count()));
                        latest = std::max(latest, static_cast<long long>(v.stepError->count()));
                    }
                }
                auto join = [](const std::set<std::string> &names, const std::set<std::string> &minus) {
                    std::string out;
                    for (const auto &n : names)
                        if (!minus.count(n))
                            out += (out.empty() ? "" : ", ") + n;
                    return out.empty() ? std::string("-") : out;
                };
                l.push_back("| " + m_scenarios[i].name + " | "
                    + std::to_string(m_real[i].verdicts.size()) + " | " + std::to_string(agreed)
                    + " | " + std::to_string(undetermined) + " | " + join(agreedOn, { }) + " | "
                    + join(open, agreedOn) + " | " + std::to_string(steps) + " | "
                    + (steps ? std::to_string(earliest) + " / +" + std::to_string(latest) + " ms"
                             : std::string("-"))
                    + " |");
            }
            return l;
        }();
        for (const auto &l : verdictLines) {
            qInfo("%s", l.c_str());
            markdown += text(l) + '\n';
        }
        QFile out(QDir(QCoreApplication::applicationDirPath()).filePath("differential.md"));
        QVERIFY2(
            out.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(out.errorString()));
        out.write(markdown.toUtf8());
        qInfo("table written to %s", qPrintable(out.fileName()));
    }
};

QTEST_GUILESS_MAIN(TestDifferential)
#include "test_differential.moc"
