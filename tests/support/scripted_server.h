#pragma once
// Drives tests/support/scripted_https_server.py from a test: certificates, start, scripts, and
// the log of received requests.
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QProcess>
#include <QThread>
#include <QString>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hpascope::test {

// PEM material generated at test time by the server script (openssl CLI).
struct TestCerts {
    QString dir;
    std::string caPem, otherCaPem, clientCertPem, clientKeyPem, strangerCertPem, strangerKeyPem;
    // Generates into dir (when missing) and loads the PEMs; returns false with *error set.
    bool generate(const QString &dir, QString *error);
};

struct RecordedRequest {
    std::string method, path, body, authorization, accept, contentType, clientCN;
};

class ScriptedServer {
public:
    struct Options {
        QString certDir;
        QString clientAuth = QStringLiteral("required"); // required | optional | none
        QStringList tokens;                              // bearer tokens accepted (empty = no check)
        bool tls = true;
    };
    ~ScriptedServer();

    bool start(const Options &options, QString *error);
    // The common case: certificates generated into dir, then a server that requires a client
    // certificate signed by their CA.
    bool startWithNewCertificates(TestCerts &certs, const QString &dir, QString *error);
    void stop();
    int port() const { return m_port; }
    std::string url() const; // https://127.0.0.1:<port>

    // Replaces the routes (see the script's doc string) and waits for the server's ack.
    bool setRoutes(const nlohmann::json &routes);

    // Requests received so far (reads pending server output first).
    std::vector<RecordedRequest> requests();
    int countRequests(const std::string &pathPrefix, const std::string &queryPart = {});
    void clearRequests();

private:
    void pump(int waitMs);

    QProcess m_process;
    QByteArray m_buffer;
    std::vector<RecordedRequest> m_requests;
    std::vector<int> m_acks;
    int m_port = 0;
    int m_seq = 0;
    bool m_tls = true;
};

// Polls cond (processing Qt events) until it holds or timeoutMs passes.
template <typename F>
bool waitUntil(F cond, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!cond()) {
        if (deadline.hasExpired())
            return cond();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(2); // polling interval, not a wait for an outcome
    }
    return true;
}

} // namespace hpascope::test
