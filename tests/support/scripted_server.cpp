#include "scripted_server.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace hpascope::test {
namespace {

QString scriptPath()
{
    return QStringLiteral(HPASCOPE_SUPPORT_DIR "/scripted_https_server.py");
}

QString python()
{
    QString p = QStandardPaths::findExecutable(QStringLiteral("python3"));
    return p.isEmpty() ? QStringLiteral("python3") : p;
}

std::string readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

} // namespace

bool TestCerts::generate(const QString &d, QString *error)
{
    dir = d;
    QProcess p;
    p.start(python(), {scriptPath(), QStringLiteral("--cert-dir"), d, QStringLiteral("--gen-only")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        *error = QStringLiteral("certificate generation failed: ") + QString::fromUtf8(p.readAllStandardError());
        return false;
    }
    auto load = [&d](const char *name) { return readFile(QDir(d).filePath(QString::fromLatin1(name))); };
    caPem = load("ca.crt");
    otherCaPem = load("other-ca.crt");
    clientCertPem = load("client.crt");
    clientKeyPem = load("client.key");
    strangerCertPem = load("stranger.crt");
    strangerKeyPem = load("stranger.key");
    if (caPem.empty() || clientKeyPem.empty()) {
        *error = QStringLiteral("certificates missing in ") + d;
        return false;
    }
    return true;
}

ScriptedServer::~ScriptedServer()
{
    stop();
}

bool ScriptedServer::start(const Options &o, QString *error)
{
    m_tls = o.tls;
    QStringList args{scriptPath(), QStringLiteral("--cert-dir"), o.certDir, QStringLiteral("--client-auth"),
                     o.clientAuth};
    if (!o.tokens.isEmpty())
        args << QStringLiteral("--tokens") << o.tokens.join(QLatin1Char(','));
    if (!o.tls)
        args << QStringLiteral("--no-tls");
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(python(), args);
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start python3: ") + m_process.errorString();
        return false;
    }
    QDeadlineTimer deadline(30000);
    while (m_port == 0 && !deadline.hasExpired() && m_process.state() == QProcess::Running)
        pump(100);
    if (m_port == 0) {
        *error = QStringLiteral("the scripted server did not report its port");
        return false;
    }
    return true;
}

void ScriptedServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel(); // the script exits on stdin EOF
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

std::string ScriptedServer::url() const
{
    return (m_tls ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(m_port);
}

void ScriptedServer::pump(int waitMs)
{
    m_process.waitForReadyRead(waitMs);
    m_buffer += m_process.readAllStandardOutput();
    int nl;
    while ((nl = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(nl);
        m_buffer.remove(0, nl + 1);
        if (line.startsWith("PORT ")) {
            m_port = line.mid(5).toInt();
        } else if (line.startsWith("OK ")) {
            m_acks.push_back(line.mid(3).toInt());
        } else if (line.startsWith("REQ ")) {
            auto j = nlohmann::json::parse(line.mid(4).toStdString(), nullptr, false);
            if (!j.is_object())
                continue;
            RecordedRequest r;
            r.method = j.value("method", "");
            r.path = j.value("path", "");
            r.body = j.value("body", "");
            r.authorization = j.value("authorization", "");
            r.accept = j.value("accept", "");
            r.contentType = j.value("contentType", "");
            r.clientCN = j.value("clientCN", "");
            m_requests.push_back(std::move(r));
        }
    }
}

bool ScriptedServer::setRoutes(const nlohmann::json &routes)
{
    const int seq = ++m_seq;
    nlohmann::json script{{"seq", seq}, {"routes", routes}};
    m_process.write(QByteArray::fromStdString(script.dump() + "\n"));
    m_process.waitForBytesWritten(5000);
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        for (int a : m_acks)
            if (a == seq)
                return true;
        pump(50);
    }
    return false;
}

std::vector<RecordedRequest> ScriptedServer::requests()
{
    pump(0);
    return m_requests;
}

int ScriptedServer::countRequests(const std::string &pathPrefix, const std::string &queryPart)
{
    pump(0);
    int n = 0;
    for (const auto &r : m_requests)
        if (r.path.rfind(pathPrefix, 0) == 0 && (queryPart.empty() || r.path.find(queryPart) != std::string::npos))
            ++n;
    return n;
}

void ScriptedServer::clearRequests()
{
    pump(0);
    m_requests.clear();
}

bool ScriptedServer::startWithNewCertificates(TestCerts &certs, const QString &dir, QString *error)
{
    if (!certs.generate(dir, error))
        return false;
    Options options;
    options.certDir = certs.dir;
    return start(options, error);
}

} // namespace hpascope::test
