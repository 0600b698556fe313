// The metric slider panel, offscreen, with a MetricWriter stand-in that records pushes: bad
// quantities never reach the writer, valid ones do, results and errors land next to their
// slider, External/Resource rows are read-only, the range re-centres on typed values and the
// knob shows a value typed key by key; Ctrl+L goes from field to field.
#include "app/core/metric_writer.h"
#include "widgets/metric_slider_panel.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QVBoxLayout>

using namespace hpascope;
namespace api = kube::api;

namespace {

class FakeWriter : public MetricWriter {
    Q_OBJECT
public:
    struct Call {
        QString hpa, key, text;
    };
    QList<Call> calls;
    void push(const api::HorizontalPodAutoscaler &hpa, const api::MetricSpec &spec,
              const QString &quantityText) override
    {
        calls.append({QString::fromStdString(hpa.metadata.name), keyOf(spec), quantityText});
        emit pushCalled();
    }
signals:
    void pushCalled();
};

api::Quantity q(const char *text) { return api::Quantity::parse(text).value(); }

api::MetricSpec objectMetric(const char *target)
{
    api::MetricSpec s;
    s.type = api::MetricSourceType::Object;
    s.typeName = "Object";
    api::ObjectMetricSource o;
    o.describedObject = {"v1", "Service", "web"};
    o.metric.name = "requests";
    o.target.type = api::MetricTargetType::Value;
    o.target.value = q(target);
    s.object = o;
    return s;
}

api::MetricSpec podsMetric(const char *target)
{
    api::MetricSpec s;
    s.type = api::MetricSourceType::Pods;
    s.typeName = "Pods";
    api::PodsMetricSource p;
    p.metric.name = "queue";
    p.target.type = api::MetricTargetType::AverageValue;
    p.target.averageValue = q(target);
    s.pods = p;
    return s;
}

api::MetricSpec externalMetric()
{
    api::MetricSpec s;
    s.type = api::MetricSourceType::External;
    s.typeName = "External";
    api::ExternalMetricSource e;
    e.metric.name = "queue_depth";
    e.target.type = api::MetricTargetType::Value;
    e.target.value = q("30");
    s.external = e;
    return s;
}

api::MetricSpec cpuMetric()
{
    api::MetricSpec s;
    s.type = api::MetricSourceType::Resource;
    s.typeName = "Resource";
    api::ResourceMetricSource r;
    r.name = "cpu";
    r.target.type = api::MetricTargetType::Utilization;
    r.target.averageUtilization = 50;
    s.resource = r;
    return s;
}

api::HorizontalPodAutoscaler hpaWith(std::vector<api::MetricSpec> metrics)
{
    api::HorizontalPodAutoscaler h;
    h.metadata.name = "web";
    h.metadata.namespace_ = "default";
    h.spec.scaleTargetRef = {"apps/v1", "Deployment", "web"};
    h.spec.maxReplicas = 10;
    h.spec.metrics = std::move(metrics);
    return h;
}

template <typename T>
T *child(QWidget *panel, int row, const char *name)
{
    QWidget *box = panel->findChild<QWidget *>(QStringLiteral("metricRow%1").arg(row));
    return box ? box->findChild<T *>(QString::fromLatin1(name)) : nullptr;
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestMetricSliderPanel : public QObject {
    Q_OBJECT

private slots:
    void rowsPerMetricType()
    {
        FakeWriter writer;
        MetricSliderPanel panel(&writer);
        panel.setHpa(hpaWith({objectMetric("400m"), podsMetric("2k"), externalMetric(), cpuMetric()}));
        QCOMPARE(panel.rowCount(), 4);
        QVERIFY(child<QSlider>(&panel, 0, "slider"));
        QVERIFY(child<QSlider>(&panel, 1, "slider"));
        QCOMPARE(child<QLabel>(&panel, 0, "nameLabel")->text(), QStringLiteral("requests on Service/web"));
        QCOMPARE(child<QLineEdit>(&panel, 0, "valueEdit")->text(), QStringLiteral("400m"));
        QCOMPARE(child<QLineEdit>(&panel, 1, "valueEdit")->text(), QStringLiteral("2k"));

        // External and Resource metrics: read-only rows that say where values come from.
        QVERIFY(!child<QSlider>(&panel, 2, "slider"));
        QVERIFY(!child<QPushButton>(&panel, 2, "sendButton"));
        QCOMPARE(child<QLabel>(&panel, 2, "readOnlyLabel")->text(),
                 QStringLiteral("External metrics cannot be written to the test adapter"));
        QVERIFY(!child<QSlider>(&panel, 3, "slider"));
        QCOMPARE(child<QLabel>(&panel, 3, "readOnlyLabel")->text(), QStringLiteral("CPU/memory come from metrics-server"));
        QVERIFY(writer.calls.isEmpty());
    }

    void badQuantityIsRefusedBeforeSending()
    {
        FakeWriter writer;
        MetricSliderPanel panel(&writer);
        panel.setHpa(hpaWith({objectMetric("400m")}));
        auto *edit = child<QLineEdit>(&panel, 0, "valueEdit");
        auto *send = child<QPushButton>(&panel, 0, "sendButton");
        auto *status = child<QLabel>(&panel, 0, "statusLabel");
        QVERIFY(send->isEnabled());

        typeInto(edit, QStringLiteral("4OOm")); // letter O, not zero
        QVERIFY(!send->isEnabled());
        QVERIFY(edit->property("invalid").toBool());
        QVERIFY2(status->text().contains(QStringLiteral("\"4OOm\" is not a Kubernetes quantity")), qPrintable(status->text()));
        QVERIFY(status->property("error").toBool());

        QTest::mouseClick(send, Qt::LeftButton);
        QTest::keyClick(edit, Qt::Key_Return);
        auto *live = child<QCheckBox>(&panel, 0, "liveCheck");
        live->setChecked(true);
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(writer.calls.size(), 0);

        // Fixing the value clears the mark and the message.
        typeInto(edit, QStringLiteral("400m"));
        QVERIFY(send->isEnabled());
        QVERIFY(!edit->property("invalid").toBool());
        QVERIFY(status->text().isEmpty());
    }

    void validValueCallsTheWriter()
    {
        FakeWriter writer;
        MetricSliderPanel panel(&writer);
        const auto hpa = hpaWith({objectMetric("400m"), podsMetric("2k")});
        panel.setHpa(hpa);
        typeInto(child<QLineEdit>(&panel, 1, "valueEdit"), QStringLiteral("1.5k"));
        QTest::mouseClick(child<QPushButton>(&panel, 1, "sendButton"), Qt::LeftButton);
        QCOMPARE(writer.calls.size(), 1);
        QCOMPARE(writer.calls[0].hpa, QStringLiteral("web"));
        QCOMPARE(writer.calls[0].key, MetricWriter::keyOf(hpa.spec.metrics[1]));
        QCOMPARE(writer.calls[0].text, QStringLiteral("1.5k"));

        // Enter in the field sends too.
        QTest::keyClick(child<QLineEdit>(&panel, 0, "valueEdit"), Qt::Key_Return);
        QCOMPARE(writer.calls.size(), 2);
        QCOMPARE(writer.calls[1].text, QStringLiteral("400m"));
    }

    void resultsAndErrorsNextToTheirSlider()
    {
        FakeWriter writer;
        MetricSliderPanel panel(&writer);
        const auto hpa = hpaWith({objectMetric("400m"), podsMetric("2k")});
        panel.setHpa(hpa);
        const QString objectKey = MetricWriter::keyOf(hpa.spec.metrics[0]);
        const QString podsKey = MetricWriter::keyOf(hpa.spec.metrics[1]);
        auto *objectStatus = child<QLabel>(&panel, 0, "statusLabel");
        auto *podsStatus = child<QLabel>(&panel, 1, "statusLabel");

        emit writer.pushStarted(objectKey, QStringLiteral("400m"));
        QCOMPARE(objectStatus->text(), QStringLiteral("sending 400m…"));
        emit writer.pushed(objectKey, QStringLiteral("400m"), QStringLiteral("400m"));
        QCOMPARE(objectStatus->text(), QStringLiteral("sent 400m · read back 400m"));
        QVERIFY(!objectStatus->property("error").toBool());

        const QString message = QStringLiteral(
            "the custom-metrics test adapter is not reachable through the API server: service "
            "custom-metrics/custom-metrics-apiserver port http (is it installed?)");
        emit writer.failed(podsKey, message);
        QCOMPARE(podsStatus->text(), message);
        QVERIFY(podsStatus->property("error").toBool());
        QVERIFY(podsStatus->styleSheet().contains(QStringLiteral("#c62828")));
        QCOMPARE(objectStatus->text(), QStringLiteral("sent 400m · read back 400m")); // untouched
    }

    void rangeFollowsTargetAndRecentres()
    {
        FakeWriter writer;
        MetricSliderPanel panel(&writer);
        panel.setHpa(hpaWith({objectMetric("400m")}));
        auto *slider = child<QSlider>(&panel, 0, "slider");
        auto *edit = child<QLineEdit>(&panel, 0, "valueEdit");
        QCOMPARE(slider->property("minMilli").toLongLong(), 0);
        QCOMPARE(slider->property("maxMilli").toLongLong(), 1600); // 4x the 400m target
        const qint64 step = slider->property("stepMilli").toLongLong();
        QCOMPARE(qint64(slider->value()) * step, 400);

        typeInto(edit, QStringLiteral("1.2"));          // inside: the range stays
        QCOMPARE(slider->property("maxMilli").toLongLong(), 1600);
        QCOMPARE(qint64(slider->value()) * step, 1200);

        typeInto(edit, QStringLiteral("10"));           // outside: re-centred on 10
        QCOMPARE(slider->property("maxMilli").toLongLong(), 20000);
        QCOMPARE(slider->value(), slider->maximum() / 2);
        QCOMPARE(edit->text(), QStringLiteral("10")); // the exact text is kept

        // Moving the slider writes the quantity for that position.
        slider->setValue(slider->maximum() / 4);
        QCOMPARE(edit->text(), QStringLiteral("5"));
        QVERIFY(writer.calls.isEmpty()); // not live: moving does not send
    }

    void knobFollowsAValueTypedKeyByKey_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<qlonglong>("milli");
        // On the way to "400m" the field holds 4, 40 and 400: each grows the range, and the
        // final value must bring it back around the target rather than sit at its far left.
        QTest::newRow("400m") << "400m" << 400LL;
        QTest::newRow("100m") << "100m" << 100LL;
        QTest::newRow("1200m") << "1200m" << 1200LL;
    }
    void knobFollowsAValueTypedKeyByKey()
    {
        QFETCH(QString, typed);
        QFETCH(qlonglong, milli);
        FakeWriter writer;
        MetricSliderPanel panel(&writer);
        panel.setHpa(hpaWith({objectMetric("300m")}));
        auto *slider = child<QSlider>(&panel, 0, "slider");
        typeInto(child<QLineEdit>(&panel, 0, "valueEdit"), typed);
        QCOMPARE(slider->property("minMilli").toLongLong(), 0);
        QCOMPARE(slider->property("maxMilli").toLongLong(), 1200); // 4× the 300m target, as before typing
        QCOMPARE(qint64(slider->value()) * slider->property("stepMilli").toLongLong(), milli);
    }

    void ctrlLGoesFromFieldToField()
    {
        FakeWriter writer;
        QWidget window;
        auto *panel = new MetricSliderPanel(&writer, &window);
        auto *other = new QLineEdit(&window);
        (new QVBoxLayout(&window))->addWidget(other);
        window.layout()->addWidget(panel);
        panel->setHpa(hpaWith({objectMetric("300m"), externalMetric(), podsMetric("2k")}));
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        other->setFocus();
        auto *first = child<QLineEdit>(panel, 0, "valueEdit");
        auto *pods = child<QLineEdit>(panel, 2, "valueEdit"); // the External row has no field
        QTest::keyClick(other, Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(first->hasFocus());
        QCOMPARE(first->selectedText(), QStringLiteral("300m")); // typing replaces it
        QTest::keyClick(first, Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(pods->hasFocus());
        QTest::keyClick(pods, Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(first->hasFocus()); // round again
    }

    void rangeMath_data()
    {
        QTest::addColumn<qlonglong>("target");
        QTest::addColumn<qlonglong>("max");
        QTest::addColumn<qlonglong>("step");
        QTest::newRow("400m") << 400LL << 1600LL << 2LL;
        QTest::newRow("zero target") << 0LL << 1000LL << 1LL;
        QTest::newRow("2k") << 2000000LL << 8000000LL << 10000LL;
        QTest::newRow("1") << 1000LL << 4000LL << 5LL;
    }
    void rangeMath()
    {
        QFETCH(qlonglong, target);
        QFETCH(qlonglong, max);
        QFETCH(qlonglong, step);
        const auto r = MetricSliderPanel::rangeAround(target);
        QCOMPARE(r.maxMilli, max);
        QCOMPARE(r.stepMilli, step);
        QVERIFY(r.steps() <= 1000);
        QCOMPARE(r.milliAt(r.positionOf(target)), target);
    }

    void liveSendsWhileDraggingAndOnRelease()
    {
        FakeWriter writer;
        MetricSliderPanel panel(&writer);
        panel.setHpa(hpaWith({objectMetric("400m")}));
        auto *slider = child<QSlider>(&panel, 0, "slider");
        child<QCheckBox>(&panel, 0, "liveCheck")->setChecked(true);
        QSignalSpy spy(&writer, &FakeWriter::pushCalled);

        slider->setSliderDown(true);
        slider->setSliderPosition(slider->maximum() / 2); // a drag: sliderMoved, debounced send
        QVERIFY(spy.wait(5000));
        QCOMPARE(writer.calls.size(), 1);
        QCOMPARE(writer.calls.back().text, QStringLiteral("800m"));

        slider->setSliderPosition(slider->maximum() / 4);
        slider->setSliderDown(false); // release sends at once and cancels the pending debounce
        QCOMPARE(writer.calls.size(), 2);
        QCOMPARE(writer.calls.back().text, QStringLiteral("400m"));
        QVERIFY(!spy.wait(600)); // nothing more: the debounced send was dropped
        QCOMPARE(writer.calls.size(), 2);
    }

    void hpaUpdateKeepsTypedValue()
    {
        FakeWriter writer;
        MetricSliderPanel panel(&writer);
        auto hpa = hpaWith({objectMetric("400m")});
        panel.setHpa(hpa);
        auto *edit = child<QLineEdit>(&panel, 0, "valueEdit");
        typeInto(edit, QStringLiteral("900m"));
        hpa.status.currentReplicas = 3; // a watch update of the same HPA
        panel.setHpa(hpa);
        QCOMPARE(child<QLineEdit>(&panel, 0, "valueEdit"), edit); // same row, not rebuilt
        QCOMPARE(edit->text(), QStringLiteral("900m"));

        panel.setHpa(hpaWith({podsMetric("1")})); // other metrics: rebuilt
        QCOMPARE(panel.rowCount(), 1);
        QCOMPARE(child<QLineEdit>(&panel, 0, "valueEdit")->text(), QStringLiteral("1"));
    }

    void realWriterRefusesWithoutSending()
    {
        MetricWriter writer; // no client: nothing can be sent anyway
        QSignalSpy failed(&writer, &MetricWriter::failed);
        QSignalSpy started(&writer, &MetricWriter::pushStarted);
        const auto hpa = hpaWith({objectMetric("400m"), externalMetric()});
        writer.push(hpa, hpa.spec.metrics[0], QStringLiteral("4OOm"));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("is not a Kubernetes quantity")));
        writer.push(hpa, hpa.spec.metrics[1], QStringLiteral("1"));
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed.at(1).at(1).toString(), QStringLiteral("External metrics cannot be written to the test adapter"));
        writer.push(hpa, hpa.spec.metrics[0], QStringLiteral("1"));
        QCOMPARE(failed.at(2).at(1).toString(), QStringLiteral("not connected to a cluster"));
        QCOMPARE(started.size(), 0);
    }
};

QTEST_MAIN(TestMetricSliderPanel)
#include "test_metric_slider_panel.moc"
