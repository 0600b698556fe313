// The Japanese UI as a person reading Japanese sees it: the demo window (every button, tab,
// header and the Why box in Japanese, drawn with real glyphs), a report (PDF text and an embedded
// CJK font) and the formats of times. The window and the report's first page are saved as PNG
// in the build folder for a person to look at.
#include "app/core/cluster_session.h"
#include "app/core/error_text.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/hpa_format.h"
#include "app/core/recorder.h"
#include "app/core/report/report_data.h"
#include "app/core/report/report_render.h"
#include "app/core/translations.h"
#include "app/window/main_window.h"
#include "app/window/screenshot_actions.h"
#include "tests/gui/i18n/glyphs.h"
#include "tests/support/report_fixture.h"
#include "tests/support/window_driver.h"
#include "widgets/timeline_chart.h"
#include "widgets/timeline_panel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace hpascope;

namespace {

constexpr int kTimeoutMs = 20000;
const QString kOut = QStringLiteral(HPASCOPE_I18N_OUT_DIR);

bool hasJapanese(const QString &text)
{
    static const QRegularExpression cjk(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{3400}-\\x{9fff}\\x{ff00}-\\x{ffef}]"));
    return text.contains(cjk);
}

// Words that stay as Kubernetes and hpascope spell them in the Japanese UI too.
bool keptAsIs(const QString &text)
{
    static const QRegularExpression kept(
        QStringLiteral("^(hpascope|HPA|Pod|Ready|Namespace:?|Service:|Condition|Behavior|Ctrl\\+.*|[0-9.]+|[0-9 ×x]+|default|web|—)$"));
    return kept.match(text.trimmed()).hasMatch();
}

// The texts of the window's own controls (not cluster data): buttons, tabs, group titles,
// column headers, placeholders. Hidden widgets are left out.
QStringList chromeTexts(QWidget *root)
{
    QStringList out;
    const auto add = [&out](const QString &t) {
        QString s = t;
        s.remove(QLatin1Char('&'));
        if (!s.trimmed().isEmpty())
            out << s;
    };
    for (auto *b : root->findChildren<QAbstractButton *>())
        if (b->isVisible())
            add(b->text());
    for (auto *g : root->findChildren<QGroupBox *>())
        if (g->isVisible())
            add(g->title());
    for (auto *t : root->findChildren<QTabWidget *>())
        if (t->isVisible())
            for (int i = 0; i < t->count(); ++i)
                add(t->tabText(i));
    for (auto *e : root->findChildren<QLineEdit *>())
        if (e->isVisible())
            add(e->placeholderText());
    for (auto *v : root->findChildren<QAbstractItemView *>()) {
        if (!v->isVisible() || !v->model())
            continue;
        for (int c = 0; c < v->model()->columnCount(); ++c)
            add(v->model()->headerData(c, Qt::Horizontal).toString());
    }
    return out;
}

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestJapanese : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("ja")), QString());
        QCOMPARE(currentLanguage(), QStringLiteral("ja"));
    }

    void unknownLanguagesAreNamed()
    {
        QApplication *app = qApp;
        const QString warning = installTranslations(*app, QStringLiteral("xx-nonsense"));
        QVERIFY2(warning.contains(QStringLiteral("xx-nonsense")), qPrintable(warning));
        const QString french = installTranslations(*app, QStringLiteral("fr"));
        QVERIFY2(french.contains(QStringLiteral("fr")) && french.contains(QStringLiteral("ja")), qPrintable(french));
        // Back to Japanese for the rest (translators pile up; the latest installed wins).
        QCOMPARE(installTranslations(*app, QStringLiteral("ja")), QString());
    }

    void timesUseTheLanguagesFormat()
    {
        const QDateTime t(QDate(2026, 12, 2), QTime(14, 3, 5), Qt::LocalTime);
        QCOMPARE(format::dateTime(t), QStringLiteral("2026年12月2日 14:03:05"));
        QCOMPARE(format::relativeTime(t.addSecs(-90), t), QStringLiteral("1 分前"));
    }

    void kubeErrorsAreLedInJapanese()
    {
        // kube/ words the specifics (file, line, entry) in English; the lead says what it is.
        kube::Error yaml = kube::makeError(kube::Error::Kind::Config, "/home/me/.kube/config:12: mapping values are not allowed here");
        yaml.reason = "InvalidYaml";
        QCOMPARE(errorText(yaml), QStringLiteral("kubeconfig が正しい YAML ではありません: /home/me/.kube/config:12: mapping values are not allowed here"));
        kube::Error refused = kube::makeError(kube::Error::Kind::Http, "forbidden: User \"alice\" cannot list resource");
        refused.httpStatus = 403;
        QVERIFY2(errorText(refused).startsWith(QStringLiteral("アクセスが拒否されました（403）: forbidden")), qPrintable(errorText(refused)));
        // kube/prometheus' reasons (kube/prometheus/reasons.h) are led the same way.
        kube::Error prometheus = kube::makeError(kube::Error::Kind::Http, "Prometheus not reachable at service monitoring/prometheus-k8s port web");
        prometheus.reason = "PrometheusUnreachable";
        QCOMPARE(errorText(prometheus), QStringLiteral("Prometheus に接続できません: Prometheus not reachable at service monitoring/prometheus-k8s port web"));
    }

    void theDemoWindowIsJapanese()
    {
        const auto window = test::demoWindow();
        MainWindow &w = *window;
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->state().kind, ConnectionState::Kind::Live, kTimeoutMs);
        QTRY_COMPARE(w.detailModel()->key(), QStringLiteral("default/web"));
        auto *why = w.findChild<QLabel *>(QStringLiteral("whyLabel"));
        QVERIFY(why);
        QTRY_VERIFY_WITH_TIMEOUT(why->text().contains(QStringLiteral("レプリカ数")), kTimeoutMs);
        QCOMPARE(w.windowTitle(), QStringLiteral("hpascope — デモクラスター（シミュレーション）"));

        const QStringList chrome = chromeTexts(&w);
        QVERIFY2(chrome.size() > 30, qPrintable(chrome.join(QLatin1Char('|'))));
        QStringList english;
        for (const QString &t : chrome)
            if (!hasJapanese(t) && !keptAsIs(t))
                english << t;
        QVERIFY2(english.isEmpty(), qPrintable(QStringLiteral("not in Japanese: ") + english.join(QStringLiteral(" | "))));

        // Drawn with real glyphs, in the window's font (and fontconfig's fallback for CJK).
        int checked = 0;
        const QStringList tofu = test::tofuIn(chrome + QStringList{why->text(), w.windowTitle()}, w.font(), &checked);
        QVERIFY2(tofu.isEmpty(), qPrintable(QStringLiteral("tofu: ") + tofu.join(QLatin1Char(' '))));
        QVERIFY2(checked > 60, qPrintable(QString::number(checked)));
        qInfo("%d distinct Japanese characters drawn as glyphs", checked);

        // The seed experiment's first step, in Japanese: 400m sent, read back, 1 → 2 replicas.
        w.speedPicker()->setCurrentIndex(w.speedPicker()->findData(60));
        QVERIFY(test::sendValue(w, QStringLiteral("400m")));
        QTRY_VERIFY_WITH_TIMEOUT(test::sliderRow(w).status->text().contains(QStringLiteral("読み戻し 400m")), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!w.timeline()->replicaChart()->markerTimes().isEmpty(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(why->text().contains(QStringLiteral("→")), kTimeoutMs);
        const QString png = kOut + QStringLiteral("/japanese-window.png");
        QCOMPARE(ScreenshotActions::save(ScreenshotActions::render(&w), png), QString());
    }

    void aReportIsJapanese()
    {
        QTemporaryDir tmp;
        Recorder recorder;
        QVERIFY(recorder.open(tmp.filePath(QStringLiteral("history.sqlite"))));
        recorder.setContext(QStringLiteral("test"));
        const test::SeedRun seed = test::recordSeedAnHourAgo(recorder);
        recorder.recordWatched(QStringLiteral("default"), seed.start, seed.start.addSecs(600));
        QVERIFY(recorder.flush());

        ReportRequest r;
        r.context = QStringLiteral("test");
        r.server = QStringLiteral("https://10.77.0.10:6443");
        r.namespaceName = QStringLiteral("default");
        r.name = QStringLiteral("web");
        r.from = seed.start;
        r.to = seed.start.addSecs(600);
        r.now = r.to;
        r.version = QStringLiteral("0.1.0-test");
        r.hpa = seed.now;
        r.explanation = explainNow(seed.now, r.controller, r.controllerSource, r.now);
        QString error;
        const auto data = ReportGatherer::gather(recorder, r, &error);
        QVERIFY2(data, qPrintable(error));

        const QString pdf = kOut + QStringLiteral("/japanese-report.pdf");
        QCOMPARE(report::ReportWriter::write(*data, pdf, {QPageSize(QPageSize::A4)}), QString());
        const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        // Compared after NFKC: Qt's PDF maps some glyphs of Noto CJK back to their compatibility
        // twins (欠 comes out of pdftotext as the Kangxi radical ⽋, U+2F4B).
        const QString compact =
            QString(text).remove(QRegularExpression(QStringLiteral("\\s+"))).normalized(QString::NormalizationForm_KC);
        for (const QString &want : {QStringLiteral("HPAレポート:default/web"), QStringLiteral("スケールの判断"),
                                    QStringLiteral("データの欠落"), QStringLiteral("有効な設定"),
                                    QStringLiteral("安定化ウィンドウ")})
            QVERIFY2(compact.contains(want.normalized(QString::NormalizationForm_KC)),
                     qPrintable(want + QStringLiteral(" is not in the PDF:\n") + text.left(3000)));
        // The Japanese text is set in a font that has it, embedded in the PDF.
        const QString fonts = run(QStringLiteral("pdffonts"), {pdf});
        QVERIFY2(fonts.contains(QRegularExpression(QStringLiteral("CJK|Droid|Gothic|Mincho|IPA"))), qPrintable(fonts));
        run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("70"), QStringLiteral("-f"),
                                         QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("2"), pdf,
                                         kOut + QStringLiteral("/japanese-report")});
        QVERIFY(QFile::exists(kOut + QStringLiteral("/japanese-report-1.png")));
        // The charts' titles and legends are drawn as glyphs, in the font the report draws them with.
        int checked = 0;
        const QStringList tofu = test::tofuIn({tr("Replicas"), QCoreApplication::translate("Report", "Replicas"),
                                               QCoreApplication::translate("Report", "desired"),
                                               QCoreApplication::translate("Report", "%1: current and target")},
                                              QFont(), &checked);
        QVERIFY2(tofu.isEmpty() && checked > 5, qPrintable(tofu.join(QLatin1Char(' '))));
        const QImage png = report::renderPng(*data, {});
        QVERIFY(!png.isNull());
        QVERIFY(png.save(kOut + QStringLiteral("/japanese-report.png")));
    }
};

QTEST_MAIN(TestJapanese)
#include "test_japanese.moc"
