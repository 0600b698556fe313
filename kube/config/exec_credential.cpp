#include "kube/config/exec_credential.h"

#include "kube/config/base64.h"
#include "kube/config/pem.h"

#include <cctype>
#include <cstdio>
#include <ctime>

namespace kube::config {

nlohmann::json execInfo(const std::string &apiVersion, bool interactive,
                        const ExecClusterInfo *cluster)
{
    nlohmann::json spec = {{"interactive", interactive}};
    if (cluster) {
        // Field names and omitempty rules of clientauthentication/v1 Cluster.
        nlohmann::json c = {{"server", cluster->server}};
        if (!cluster->tlsServerName.empty())
            c["tls-server-name"] = cluster->tlsServerName;
        if (cluster->insecureSkipTlsVerify)
            c["insecure-skip-tls-verify"] = true;
        if (!cluster->caPem.empty())
            c["certificate-authority-data"] = base64Encode(cluster->caPem); // []byte in Go
        if (!cluster->proxyUrl.empty())
            c["proxy-url"] = cluster->proxyUrl;
        if (cluster->disableCompression)
            c["disable-compression"] = true;
        if (cluster->config && !cluster->config->is_null())
            c["config"] = *cluster->config;
        spec["cluster"] = std::move(c);
    }
    return {{"apiVersion", apiVersion}, {"kind", "ExecCredential"}, {"spec", std::move(spec)}};
}

std::optional<std::chrono::system_clock::time_point> parseRfc3339(const std::string &text)
{
    int year, mon, day, hour, min, sec, used = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%*1[Tt]%2d:%2d:%2d%n", &year, &mon, &day, &hour,
                    &min, &sec, &used)
            != 6
        || used != 19)
        return std::nullopt;
    std::size_t pos = 19;
    long long nanos = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        int digits = 0;
        while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
            if (digits < 9) {
                nanos = nanos * 10 + (text[pos] - '0');
                ++digits;
            }
            ++pos;
        }
        if (digits == 0)
            return std::nullopt;
        for (; digits < 9; ++digits)
            nanos *= 10;
    }
    long offsetSeconds = 0;
    if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
        ++pos;
    } else if (pos + 6 == text.size() && (text[pos] == '+' || text[pos] == '-')
               && text[pos + 3] == ':') {
        int oh = 0, om = 0;
        if (std::sscanf(text.c_str() + pos + 1, "%2d:%2d", &oh, &om) != 2)
            return std::nullopt;
        offsetSeconds = (oh * 3600L + om * 60L) * (text[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != text.size() || mon < 1 || mon > 12 || day < 1 || day > 31 || hour > 23
        || min > 59 || sec > 60)
        return std::nullopt;
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = mon - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = min;
    tm.tm_sec = sec;
    const std::time_t t = timegm(&tm) - offsetSeconds;
    // system_clock counts nanoseconds in 64 bits and ends in 2262; plugins that mean "never"
    // write dates far beyond it.
    constexpr auto kMaxSeconds =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::duration::max())
            .count()
        - 1;
    if (t >= kMaxSeconds)
        return std::chrono::system_clock::time_point::max();
    return std::chrono::system_clock::from_time_t(t)
        + std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::nanoseconds(nanos));
}

std::string parseExecCredential(const std::string &stdoutText, const std::string &apiVersion,
                                Credentials *out)
{
    if (stdoutText.find_first_not_of(" \t\r\n") == std::string::npos)
        return "printed nothing on standard output (expected an ExecCredential)";
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(stdoutText);
    } catch (const nlohmann::json::parse_error &e) {
        // e.what() quotes the input around the error, which may hold a token: only the offset.
        return "printed invalid JSON (syntax error at byte " + std::to_string(e.byte) + ")";
    }
    if (!doc.is_object())
        return "printed JSON that is not an ExecCredential object";
    const auto field = [&](const nlohmann::json &obj, const char *key) -> std::string {
        const auto it = obj.find(key);
        return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const std::string gotVersion = field(doc, "apiVersion");
    if (gotVersion.empty())
        return "returned an object without apiVersion (expected " + apiVersion + ")";
    if (gotVersion != apiVersion)
        return "is configured to use API version " + apiVersion + ", plugin returned version "
            + gotVersion;
    const std::string kind = field(doc, "kind");
    if (kind != "ExecCredential")
        return "returned kind \"" + kind + "\" (expected ExecCredential)";
    const auto status = doc.find("status");
    if (status == doc.end() || status->is_null())
        return "didn't return a status field";
    if (!status->is_object())
        return "returned a status that is not an object";
    for (const char *key : {"token", "clientCertificateData", "clientKeyData",
                            "expirationTimestamp"}) {
        const auto it = status->find(key);
        if (it != status->end() && !it->is_null() && !it->is_string())
            return std::string("returned a status.") + key + " that is not a string";
    }
    Credentials c;
    c.bearerToken = field(*status, "token");
    c.clientCertPem = field(*status, "clientCertificateData");
    c.clientKeyPem = field(*status, "clientKeyData");
    if (c.bearerToken.empty() && c.clientCertPem.empty() && c.clientKeyPem.empty())
        return "didn't return a token or cert/key pair";
    if (c.clientCertPem.empty() != c.clientKeyPem.empty())
        return "returned only certificate or key, not both";
    if (!c.clientCertPem.empty()) {
        if (auto p = checkCertificatesPem(c.clientCertPem); !p.empty())
            return "returned a status.clientCertificateData that " + p;
        if (auto p = checkPrivateKeyPem(c.clientKeyPem); !p.empty())
            return "returned a status.clientKeyData that " + p;
        if (auto p = checkKeyMatchesCertificate(c.clientCertPem, c.clientKeyPem); !p.empty())
            return "returned a status.clientKeyData that " + p;
    }
    const std::string expiry = field(*status, "expirationTimestamp");
    if (!expiry.empty()) {
        const auto t = parseRfc3339(expiry);
        if (!t)
            return "returned status.expirationTimestamp \"" + expiry + "\" that is not RFC 3339";
        c.expiry = *t;
    }
    *out = std::move(c);
    return {};
}

} // namespace kube::config
