// The one line the status bar shows for each connection state.
#include "app/core/connection_state.h"

#include <QTest>

using hpascope::ConnectionState;

class TestConnectionState : public QObject {
    Q_OBJECT
private slots:
    void summary_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<qint64>("retryInMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not configured") << int(ConnectionState::Kind::NotConfigured) << QStringLiteral("no kubeconfig found") << qint64(0)
                                        << QStringLiteral("No cluster configured: no kubeconfig found");
        QTest::newRow("connecting") << int(ConnectionState::Kind::Connecting) << QString() << qint64(0)
                                    << QStringLiteral("Connecting to https://10.77.0.10:6443…");
        QTest::newRow("live") << int(ConnectionState::Kind::Live) << QString() << qint64(0) << QStringLiteral("Live: kind-kind");
        QTest::newRow("reconnect rounds up") << int(ConnectionState::Kind::Reconnecting) << QStringLiteral("connection refused")
                                             << qint64(3200) << QStringLiteral("Reconnecting in 4 s: connection refused");
        QTest::newRow("reconnect due") << int(ConnectionState::Kind::Reconnecting) << QStringLiteral("connection refused")
                                       << qint64(-500) << QStringLiteral("Reconnecting in 0 s: connection refused");
        QTest::newRow("error") << int(ConnectionState::Kind::Error) << QStringLiteral("forbidden: cannot list horizontalpodautoscalers.autoscaling")
                               << qint64(0) << QStringLiteral("Error: forbidden: cannot list horizontalpodautoscalers.autoscaling");
    }
    void summary()
    {
        QFETCH(int, kind);
        QFETCH(QString, reason);
        QFETCH(qint64, retryInMs);
        QFETCH(QString, expected);
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
        ConnectionState s;
        s.kind = ConnectionState::Kind(kind);
        s.reason = reason;
        s.context = QStringLiteral("kind-kind");
        s.server = QStringLiteral("https://10.77.0.10:6443");
        s.nextRetry = now.addMSecs(retryInMs);
        QCOMPARE(s.summary(now), expected);
    }
};

QTEST_GUILESS_MAIN(TestConnectionState)
#include "test_connection_state.moc"
