#include "config_test_support.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace testsupport {
namespace {

bool runOpenssl(const QStringList &args, const QString &dir, QString *error)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2")
                     .arg(args.join(QLatin1Char(' ')),
                          QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    return true;
}

std::string b64(const std::string &s)
{
    return QByteArray::fromStdString(s).toBase64().toStdString();
}

} // namespace

std::string toStd(const QString &s)
{
    return s.toStdString();
}

bool makePki(const QString &dir, Pki *pki, QString *error)
{
    const QStringList ec = {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    const auto req = [&](const QString &key, const QString &crt, const QString &cn) {
        return runOpenssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec
                              + QStringList{QStringLiteral("-keyout"), key, QStringLiteral("-out"), crt,
                                            QStringLiteral("-subj"), QStringLiteral("/CN=") + cn,
                                            QStringLiteral("-days"), QStringLiteral("2")},
                          dir, error);
    };
    if (!req(QStringLiteral("ca.key"), QStringLiteral("ca.crt"), QStringLiteral("hpascope-test-ca"))
        || !req(QStringLiteral("client.key"), QStringLiteral("client.crt"), QStringLiteral("alice"))
        || !runOpenssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                        QStringLiteral("-out"), QStringLiteral("other.key")},
                       dir, error))
        return false;
    pki->dir = dir;
    pki->caPem = readFile(dir + QStringLiteral("/ca.crt")).toStdString();
    pki->clientCertPem = readFile(dir + QStringLiteral("/client.crt")).toStdString();
    pki->clientKeyPem = readFile(dir + QStringLiteral("/client.key")).toStdString();
    pki->otherKeyPem = readFile(dir + QStringLiteral("/other.key")).toStdString();
    return !pki->caPem.empty() && !pki->clientKeyPem.empty() && !pki->otherKeyPem.empty();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(content) == content.size();
}

bool writeScript(const QString &path, const QByteArray &body)
{
    if (!writeFile(path, body))
        return false;
    return QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner
                                           | QFileDevice::ExeGroup | QFileDevice::ExeOther);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool instantiate(const QString &relative, const QString &target, const QString &dir, const Pki &pki)
{
    QByteArray text = readFile(QStringLiteral(HPASCOPE_TEST_DATA_DIR "/") + relative);
    if (text.isEmpty() && !relative.contains(QStringLiteral("empty")))
        return false;
    const std::string badKey = "-----BEGIN PRIVATE KEY-----\nAAAAbm90IGEga2V5\n-----END PRIVATE KEY-----\n";
    const std::map<std::string, std::string> vars = {
        {"@DIR@", toStd(dir)},
        {"@CA_DATA@", b64(pki.caPem)},
        {"@CERT_DATA@", b64(pki.clientCertPem)},
        {"@KEY_DATA@", b64(pki.clientKeyPem)},
        {"@OTHER_KEY_DATA@", b64(pki.otherKeyPem)},
        {"@NOTPEM_DATA@", b64("just some text, not PEM\n")},
        {"@BADKEY_DATA@", b64(badKey)},
    };
    for (const auto &[key, value] : vars)
        text.replace(QByteArray::fromStdString(key), QByteArray::fromStdString(value));
    return writeFile(target, text);
}

bool installPlugins(const QString &dir)
{
    const QDir source(QStringLiteral(HPASCOPE_TEST_DATA_DIR "/plugins"));
    const auto names = source.entryList({QStringLiteral("*.sh")}, QDir::Files);
    if (names.isEmpty())
        return false;
    for (const auto &name : names) {
        if (!writeScript(dir + QStringLiteral("/plugins/") + name, readFile(source.filePath(name))))
            return false;
    }
    return true;
}

std::map<std::string, std::string> baseEnv(const QString &home)
{
    return {{"PATH", "/usr/bin:/bin"}, {"HOME", toStd(home)}};
}

} // namespace testsupport
