#include "kube/config/kubeconfig.h"
#include "kube/config/pem.h"
#include "kube/config/server_url.h"

namespace kube::config {

std::string describe(const RestConfig &c)
{
    std::string s = "context " + c.contextName + " (cluster " + c.clusterName + ", user "
        + c.userName + "): " + redactUrl(c.server) + ", namespace " + c.namespaceName;
    if (c.insecureSkipTlsVerify)
        s += ", TLS verification DISABLED";
    else if (!c.caPem.empty())
        s += ", CA from kubeconfig (" + std::to_string(countCertificates(c.caPem)) + " cert)";
    else
        s += ", system CAs";
    if (!c.tlsServerName.empty())
        s += ", tls-server-name " + c.tlsServerName;
    if (!c.proxyUrl.empty())
        s += ", proxy " + redactUrl(c.proxyUrl);
    s += ", auth: " + (c.credentials ? c.credentials->describe() : std::string("none"));
    if (!c.sourceFile.empty())
        s += ", from " + c.sourceFile;
    return s;
}

} // namespace kube::config
