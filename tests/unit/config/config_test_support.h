#pragma once
// Shared helpers for the kube/config tests: throw-away PKI made with the openssl CLI (no private
// key is ever committed), files and executable scripts in a QTemporaryDir, and placeholder
// substitution for the kubeconfig templates under data/.
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <map>
#include <string>

namespace testsupport {

struct Pki {
    QString dir;
    std::string caPem, clientCertPem, clientKeyPem, otherKeyPem;
};

// Generates ca.crt, client.crt, client.key and other.key (EC P-256) into `dir`.
// Returns false and sets *error on failure.
bool makePki(const QString &dir, Pki *pki, QString *error);

bool writeFile(const QString &path, const QByteArray &content);
bool writeScript(const QString &path, const QByteArray &body); // adds +x
QByteArray readFile(const QString &path);

// Reads data/<relative>, replaces @DIR@, @CA_DATA@, @CERT_DATA@, @KEY_DATA@, @OTHER_KEY_DATA@,
// @NOTPEM_DATA@, @BADKEY_DATA@, writes it to `target` and returns false on I/O failure.
bool instantiate(const QString &relative, const QString &target, const QString &dir, const Pki &pki);

// Copies data/plugins/*.sh into <dir>/plugins, executable.
bool installPlugins(const QString &dir);

// A minimal environment for Kubeconfig::load: PATH=/usr/bin:/bin, HOME=<home>.
std::map<std::string, std::string> baseEnv(const QString &home);

std::string toStd(const QString &s);

} // namespace testsupport
