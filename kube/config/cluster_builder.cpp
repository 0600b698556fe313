#include "kube/config/base64.h"
#include "kube/config/builder.h"
#include "kube/config/file_util.h"
#include "kube/config/pem.h"
#include "kube/config/server_url.h"

namespace kube::config::detail {

Result<std::string> loadPem(const Where &where, const std::string &entry,
                            const std::string &filePath, const std::string &data, bool isKey)
{
    std::string pem;
    std::string field;
    if (!filePath.empty()) {
        field = entry + " " + filePath;
        if (const int err = readWholeFile(filePath, &pem); err != 0)
            return configError(reason::BadCertificate, where, field, readProblem(err));
    } else {
        field = entry + "-data";
        Base64Error b64;
        auto decoded = base64Decode(data, &b64);
        if (!decoded) {
            return configError(reason::BadCertificate, where, field,
                               "is not valid base64 (" + b64.what + " at offset "
                                   + std::to_string(b64.offset) + ")");
        }
        pem = std::move(*decoded);
    }
    const std::string problem = isKey ? checkPrivateKeyPem(pem) : checkCertificatesPem(pem);
    if (!problem.empty())
        return configError(reason::BadCertificate, where, field, problem);
    return pem;
}

Status applyCluster(const RawCluster &c, bool userHasCert, RestConfig &out)
{
    const std::string entry = "clusters[" + c.name + "]";
    out.clusterName = c.name;
    if (c.server.empty())
        return configError(reason::Invalid, c.where, entry + ".server",
                           "is not set (every cluster needs the API server URL)");
    const bool hasCa = !c.certificateAuthority.empty() || !c.certificateAuthorityData.empty();
    const UrlCheck server = checkServerUrl(c.server, hasCa || c.insecureSkipTlsVerify || userHasCert);
    if (!server.problem.empty()) {
        const std::string shown = c.server.find('@') == std::string::npos ? c.server : "(redacted)";
        return configError(reason::Invalid, c.where, entry + ".server",
                           "\"" + shown + "\" " + server.problem);
    }
    out.server = server.normalized;

    if (!c.certificateAuthority.empty() && !c.certificateAuthorityData.empty()) {
        return configError(reason::Invalid, c.where, entry,
                           "sets both certificate-authority and certificate-authority-data; "
                           "client-go rejects this, keep one");
    }
    if (hasCa && c.insecureSkipTlsVerify) {
        // client-go transport.TLSConfigFor: "specifying a root certificates file with the
        // insecure flag is not allowed".
        return configError(reason::Invalid, c.where, entry,
                           "sets both insecure-skip-tls-verify and a certificate authority; "
                           "client-go does not allow this, remove one of them");
    }
    if (hasCa) {
        Result<std::string> ca = loadPem(c.where, entry + ".certificate-authority",
                                         c.certificateAuthority, c.certificateAuthorityData, false);
        if (!ca)
            return ca.error();
        out.caPem = std::move(ca.value());
    }
    out.insecureSkipTlsVerify = c.insecureSkipTlsVerify;
    out.tlsServerName = c.tlsServerName;
    if (!c.proxyUrl.empty()) {
        const UrlCheck proxy = checkProxyUrl(c.proxyUrl);
        if (!proxy.problem.empty())
            return configError(reason::Invalid, c.where, entry + ".proxy-url",
                               "\"" + redactUrl(c.proxyUrl) + "\" " + proxy.problem);
        out.proxyUrl = c.proxyUrl;
    }
    return success();
}

} // namespace kube::config::detail
