// A kubeconfig user entry → CredentialProvider, with client-go's validation rules
// (tools/clientcmd/validation.go validateAuthInfo) and precedence (a token or client
// certificate makes client-go ignore exec: exec.Authenticator.UpdateTransportConfig).
#include "kube/config/builder.h"
#include "kube/config/command_lookup.h"
#include "kube/config/credentials.h"
#include "kube/config/exec_plugin.h"
#include "kube/config/pem.h"

namespace kube::config::detail {
namespace {

std::string authProviderAdvice(const std::string &name)
{
    if (name == "gcp")
        return "use the exec plugin gke-gcloud-auth-plugin instead (gcloud components install "
               "gke-gcloud-auth-plugin)";
    if (name == "azure")
        return "use the exec plugin kubelogin instead (convert with: kubelogin convert-kubeconfig)";
    if (name == "oidc")
        return "use an exec plugin such as kubelogin (kubectl oidc-login) instead";
    return "use an exec credential plugin (client.authentication.k8s.io/v1) instead";
}

Error unsupported(const RawUser &u, const std::string &entry, const std::string &problem)
{
    return configError(reason::Unsupported, u.where, entry, problem);
}

Result<InteractiveMode> interactiveMode(const RawUser &u, const RawExec &e, const std::string &entry)
{
    if (e.interactiveMode.empty()) {
        // clientcmd/api/v1 defaults: only v1beta1 (and the removed v1alpha1) default to
        // IfAvailable; v1 requires the field.
        if (e.apiVersion == kExecApiV1beta1)
            return InteractiveMode::IfAvailable;
        return configError(reason::Invalid, u.where, entry + ".interactiveMode",
                           "must be set for " + e.apiVersion + " (Never, IfAvailable or Always)");
    }
    if (e.interactiveMode == "Never")
        return InteractiveMode::Never;
    if (e.interactiveMode == "IfAvailable")
        return InteractiveMode::IfAvailable;
    if (e.interactiveMode == "Always") {
        return entryError(Error::Kind::Config, reason::ExecInteractive, u.where,
                          entry + ".interactiveMode",
                          "is Always, but hpascope runs without a terminal and cannot answer a "
                          "prompt; set it to IfAvailable or Never, or sign in from a terminal "
                          "first");
    }
    return configError(reason::Invalid, u.where, entry + ".interactiveMode",
                       "\"" + e.interactiveMode + "\" is not valid (Never, IfAvailable or Always)");
}

Result<std::shared_ptr<CredentialProvider>> buildExec(const RawUser &u, const RawExec &e,
                                                      const RawCluster &rawCluster,
                                                      const RestConfig &cluster,
                                                      const Environment &env)
{
    const std::string entry = "users[" + u.name + "].exec";
    if (e.apiVersion.empty())
        return configError(reason::Invalid, u.where, entry + ".apiVersion",
                           "is not set (use client.authentication.k8s.io/v1)");
    if (e.apiVersion != kExecApiV1 && e.apiVersion != kExecApiV1beta1) {
        return configError(reason::Invalid, u.where, entry + ".apiVersion",
                           "\"" + e.apiVersion
                               + "\" is not supported (use client.authentication.k8s.io/v1 or "
                                 "v1beta1; v1alpha1 was removed in Kubernetes 1.24)");
    }
    if (e.command.empty())
        return configError(reason::Invalid, u.where, entry + ".command",
                           "is not set (the plugin program to run)");
    for (std::size_t i = 0; i < e.env.size(); ++i) {
        if (e.env[i].name.empty())
            return configError(reason::Invalid, u.where,
                               entry + ".env[" + std::to_string(i) + "].name", "is not set");
    }
    Result<InteractiveMode> mode = interactiveMode(u, e, entry);
    if (!mode)
        return mode.error();

    const CommandLookup found = lookupCommand(e.command, env);
    if (found.path.empty()) {
        std::string problem;
        if (e.command.find('/') != std::string::npos) {
            problem = "\"" + e.command + "\" does not exist or is not executable";
        } else {
            std::string dirs;
            for (const auto &d : found.searched)
                dirs += (dirs.empty() ? "" : ":") + d;
            problem = "\"" + e.command + "\" was not found in " + (dirs.empty() ? "(no directories)" : dirs);
        }
        if (!e.installHint.empty())
            problem += ". " + e.installHint;
        return entryError(Error::Kind::Auth, reason::ExecNotFound, u.where, entry + ".command",
                          problem);
    }

    ExecPluginConfig config;
    config.command = e.commandAsWritten;
    config.program = found.path;
    config.args = e.args;
    for (const auto &v : e.env)
        config.env.emplace_back(v.name, v.value);
    config.apiVersion = e.apiVersion;
    config.installHint = e.installHint;
    config.interactiveMode = mode.value();
    config.provideClusterInfo = e.provideClusterInfo;
    config.cluster.server = cluster.server;
    config.cluster.tlsServerName = cluster.tlsServerName;
    config.cluster.insecureSkipTlsVerify = cluster.insecureSkipTlsVerify;
    config.cluster.caPem = cluster.caPem;
    config.cluster.proxyUrl = cluster.proxyUrl;
    config.cluster.disableCompression = rawCluster.disableCompression;
    config.cluster.config = rawCluster.execExtension;
    config.environment = env;
    config.extraPath = found.extraPath;
    config.entry = entry;
    config.sourceFile = u.where.file;
    config.line = u.where.line;
    return std::shared_ptr<CredentialProvider>(std::make_shared<ExecCredentialProvider>(std::move(config)));
}

} // namespace

Result<std::shared_ptr<CredentialProvider>> buildCredentials(const RawUser &u,
                                                             const RawCluster &rawCluster,
                                                             const RestConfig &cluster,
                                                             const Environment &env)
{
    const std::string entry = "users[" + u.name + "]";
    if (u.hasAuthProvider && u.exec)
        return configError(reason::Invalid, u.where, entry,
                           "sets both auth-provider and exec; client-go rejects this, keep exec");
    if (u.hasAuthProvider) {
        return unsupported(u, entry + ".auth-provider",
                           "\"" + u.authProviderName
                               + "\" is a legacy auth provider that hpascope does not support; "
                               + authProviderAdvice(u.authProviderName));
    }
    if (!u.username.empty() || u.hasPassword) {
        return unsupported(u, entry + (u.username.empty() ? ".password" : ".username"),
                           "is set: basic authentication is not supported by hpascope (removed "
                           "from Kubernetes in 1.19); use a token or client certificate");
    }
    if (!u.impersonate.empty() || u.hasImpersonateExtras)
        return unsupported(u, entry + ".as", "is set: impersonation is not supported by hpascope");

    Credentials base;
    std::string description;
    const bool hasCert = !u.clientCertificate.empty() || !u.clientCertificateData.empty();
    const bool hasKey = !u.clientKey.empty() || !u.clientKeyData.empty();
    if (!u.clientCertificate.empty() && !u.clientCertificateData.empty())
        return configError(reason::Invalid, u.where, entry,
                           "sets both client-certificate and client-certificate-data; keep one");
    if (!u.clientKey.empty() && !u.clientKeyData.empty())
        return configError(reason::Invalid, u.where, entry,
                           "sets both client-key and client-key-data; keep one");
    if (hasCert && !hasKey)
        return configError(reason::Invalid, u.where, entry + ".client-key",
                           "is missing: a client certificate needs client-key or client-key-data");
    if (hasKey && !hasCert)
        return configError(reason::Invalid, u.where, entry + ".client-certificate",
                           "is missing: a client key needs client-certificate or "
                           "client-certificate-data");
    if (hasCert) {
        Result<std::string> cert = loadPem(u.where, entry + ".client-certificate",
                                           u.clientCertificate, u.clientCertificateData, false);
        if (!cert)
            return cert.error();
        Result<std::string> key = loadPem(u.where, entry + ".client-key", u.clientKey,
                                          u.clientKeyData, true);
        if (!key)
            return key.error();
        if (auto p = checkKeyMatchesCertificate(cert.value(), key.value()); !p.empty())
            return configError(reason::BadCertificate, u.where,
                               entry + (u.clientKey.empty() ? ".client-key-data" : ".client-key"), p);
        base.clientCertPem = std::move(cert.value());
        base.clientKeyPem = std::move(key.value());
        description = u.clientCertificate.empty() ? "client certificate (embedded)"
                                                  : "client certificate " + u.clientCertificate;
    }

    auto withCert = [&](const std::string &what) {
        return description.empty() ? what : description + " + " + what;
    };
    if (!u.tokenFile.empty()) {
        base.bearerToken = u.token; // client-go's fallback while the file is unreadable
        if (u.token.empty()) {
            std::string problem;
            if (readTokenFile(u.tokenFile, &problem).empty())
                return configError(reason::TokenFile, u.where, entry + ".tokenFile",
                                   u.tokenFile + " " + problem);
        }
        return std::shared_ptr<CredentialProvider>(std::make_shared<TokenFileCredentialProvider>(
            u.tokenFile, base, entry + ".tokenFile"));
    }
    if (!u.token.empty()) {
        base.bearerToken = u.token;
        return std::shared_ptr<CredentialProvider>(
            std::make_shared<StaticCredentialProvider>(base, withCert("bearer token")));
    }
    if (u.exec && !hasCert)
        return buildExec(u, *u.exec, rawCluster, cluster, env);
    return std::shared_ptr<CredentialProvider>(std::make_shared<StaticCredentialProvider>(
        base, description.empty() ? "no credentials" : description));
}

} // namespace kube::config::detail
