// Label selector strings (Scale status.selector) and the labels a write stores for a metric selector.
#include "kube/metrics/selector.h"

#include <QTest>

using namespace kube;
using namespace kube::metrics;

namespace {

Labels parseLabels(const QString &text)
{
    Labels out;
    for (const QString &pair : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto kv = pair.split(QLatin1Char('='));
        out[kv.value(0).toStdString()] = kv.value(1).toStdString();
    }
    return out;
}

} // namespace

class TestMetricsSelector : public QObject {
    Q_OBJECT
private slots:
    void matching_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<bool>("match");
        QTest::newRow("empty selects all") << "" << "app=web" << true;
        QTest::newRow("equals") << "app=web" << "app=web,pod-template-hash=1" << true;
        QTest::newRow("double equals") << "app==web" << "app=web" << true;
        QTest::newRow("equals other value") << "app=web" << "app=db" << false;
        QTest::newRow("equals missing key") << "app=web" << "tier=front" << false;
        QTest::newRow("not equals, other value") << "app!=web" << "app=db" << true;
        QTest::newRow("not equals, missing key") << "app!=web" << "" << true;
        QTest::newRow("not equals, same value") << "app!=web" << "app=web" << false;
        QTest::newRow("in") << "env in (prod, staging)" << "env=staging" << true;
        QTest::newRow("in, not listed") << "env in (prod,staging)" << "env=dev" << false;
        QTest::newRow("notin") << "env notin (prod)" << "env=dev" << true;
        QTest::newRow("notin, listed") << "env notin (prod)" << "env=prod" << false;
        QTest::newRow("exists") << "canary" << "canary=" << true;
        QTest::newRow("exists, missing") << "canary" << "app=web" << false;
        QTest::newRow("does not exist") << "!canary" << "app=web" << true;
        QTest::newRow("does not exist, present") << "!canary" << "canary=1" << false;
        QTest::newRow("greater than") << "rank>2" << "rank=3" << true;
        QTest::newRow("less than, not an integer") << "rank<2" << "rank=x" << false;
        QTest::newRow("all must hold") << "app=web,env in (prod),!canary" << "app=web,env=prod" << true;
        QTest::newRow("one fails") << "app=web,env in (prod),!canary" << "app=web,env=prod,canary=1" << false;
        QTest::newRow("qualified key") << "app.kubernetes.io/name=web" << "app.kubernetes.io/name=web" << true;
        QTest::newRow("key starting with in") << "index=1" << "index=1" << true;
    }
    void matching()
    {
        QFETCH(QString, selector);
        QFETCH(QString, labels);
        QFETCH(bool, match);
        auto s = Selector::parse(selector.toStdString());
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        QCOMPARE(s->matches(parseLabels(labels)), match);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::newRow("operator without key") << "=web";
        QTest::newRow("in without list") << "env in prod";
        QTest::newRow("unterminated list") << "env in (a,b";
        QTest::newRow("gt needs integer") << "rank>x";
        QTest::newRow("bang without key") << "!";
        QTest::newRow("garbage between") << "app=web;tier=x";
    }
    void parseErrors()
    {
        QFETCH(QString, selector);
        auto s = Selector::parse(selector.toStdString());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, Error::Kind::Invalid);
        QVERIFY2(s.error().message.find("is not a label selector") != std::string::npos,
                 s.error().message.c_str());
    }

    void labelsForMetricSelector_data()
    {
        QTest::addColumn<QString>("matchLabels");
        QTest::addColumn<QString>("exprKey");
        QTest::addColumn<QString>("exprOp");
        QTest::addColumn<QStringList>("exprValues");
        QTest::addColumn<QString>("expected"); // formatted labels, or "!" for an error
        QTest::newRow("none") << "" << "" << "" << QStringList() << "";
        QTest::newRow("matchLabels sorted") << "path=/api,code=200" << "" << "" << QStringList() << "code=200,path=/api";
        QTest::newRow("In with one value") << "a=1" << "env" << "In" << QStringList{"prod"} << "a=1,env=prod";
        QTest::newRow("NotIn needs nothing") << "a=1" << "env" << "NotIn" << QStringList{"dev"} << "a=1";
        QTest::newRow("NotIn excluding the stored value") << "env=dev" << "env" << "NotIn" << QStringList{"dev"} << "!";
        QTest::newRow("Exists names no value") << "" << "env" << "Exists" << QStringList() << "!";
        QTest::newRow("In with two values") << "" << "env" << "In" << QStringList{"a", "b"} << "!";
        QTest::newRow("In contradicting matchLabels") << "env=a" << "env" << "In" << QStringList{"b"} << "!";
    }
    void labelsForMetricSelector()
    {
        QFETCH(QString, matchLabels);
        QFETCH(QString, exprKey);
        QFETCH(QString, exprOp);
        QFETCH(QStringList, exprValues);
        QFETCH(QString, expected);
        api::LabelSelector sel;
        sel.matchLabels = parseLabels(matchLabels);
        if (!exprKey.isEmpty()) {
            api::LabelSelectorRequirement r;
            r.key = exprKey.toStdString();
            r.operator_ = exprOp.toStdString();
            for (const auto &v : exprValues)
                r.values.push_back(v.toStdString());
            sel.matchExpressions.push_back(r);
        }
        auto labels = labelsForSelector(sel);
        if (expected == QLatin1String("!")) {
            QVERIFY(!labels.ok());
            QCOMPARE(labels.error().kind, Error::Kind::Invalid);
            return;
        }
        QVERIFY2(labels.ok(), labels.ok() ? "" : labels.error().message.c_str());
        QCOMPARE(QString::fromStdString(formatLabels(labels.value())), expected);
        // What we store must satisfy the selector we derived it from.
        auto parsed = Selector::parse(sel.toString());
        QVERIFY(parsed.ok());
        QVERIFY(parsed->matches(labels.value()));
    }
};

QTEST_GUILESS_MAIN(TestMetricsSelector)
#include "test_metrics_selector.moc"
