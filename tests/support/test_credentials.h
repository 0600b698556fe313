#pragma once
// A CredentialProvider for tests: fixed credentials, a different set after forceRefresh, call counts.
#include "kube/config/rest_config.h"
#include "scripted_server.h"

#include <atomic>
#include <mutex>

namespace hpascope::test {

class TestCredentialProvider : public kube::config::CredentialProvider {
public:
    explicit TestCredentialProvider(kube::config::Credentials initial = {}) : m_current(std::move(initial)) {}

    // What a forced refresh returns from now on (default: the current credentials).
    void setRefreshed(kube::config::Credentials c)
    {
        std::lock_guard lock(m_mutex);
        m_refreshed = std::move(c);
        m_hasRefreshed = true;
    }
    void setFailure(kube::Error e)
    {
        std::lock_guard lock(m_mutex);
        m_failure = std::move(e);
        m_fail = true;
    }

    kube::Result<kube::config::Credentials> credentials(bool forceRefresh) override
    {
        std::lock_guard lock(m_mutex);
        ++calls;
        if (forceRefresh)
            ++forcedCalls;
        if (m_fail)
            return m_failure;
        if (forceRefresh && m_hasRefreshed)
            m_current = m_refreshed;
        return m_current;
    }
    std::string describe() const override { return "test provider"; }

    std::atomic<int> calls{0};
    std::atomic<int> forcedCalls{0};

private:
    std::mutex m_mutex;
    kube::config::Credentials m_current;
    kube::config::Credentials m_refreshed;
    bool m_hasRefreshed = false;
    kube::Error m_failure;
    bool m_fail = false;
};

// The scripted server as a cluster: its CA, and the client certificate its CA signed.
inline kube::config::RestConfig restConfigFor(const ScriptedServer &server, const TestCerts &certs)
{
    kube::config::Credentials c;
    c.clientCertPem = certs.clientCertPem;
    c.clientKeyPem = certs.clientKeyPem;
    kube::config::RestConfig cfg;
    cfg.server = server.url();
    cfg.caPem = certs.caPem;
    cfg.credentials = std::make_shared<TestCredentialProvider>(c);
    return cfg;
}

// A kubeconfig file's text for a server (the scripted one's url(), or a closed port): context
// "test" with the certificates' CA and client certificate, namespace `ns`.
inline QByteArray kubeconfigFor(const std::string &serverUrl, const TestCerts &certs, const QByteArray &ns)
{
    const auto b64 = [](const std::string &pem) { return QByteArray::fromStdString(pem).toBase64(); };
    return "apiVersion: v1\nkind: Config\ncurrent-context: test\n"
           "clusters:\n- name: test\n  cluster:\n    server: " + QByteArray::fromStdString(serverUrl)
        + "\n    certificate-authority-data: " + b64(certs.caPem) + "\n"
          "users:\n- name: test\n  user:\n    client-certificate-data: " + b64(certs.clientCertPem)
        + "\n    client-key-data: " + b64(certs.clientKeyPem) + "\n"
          "contexts:\n- name: test\n  context:\n    cluster: test\n    user: test\n    namespace: " + ns + "\n";
}

} // namespace hpascope::test
