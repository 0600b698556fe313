// Structural parsing of one kubeconfig file. Like client-go (sigs.k8s.io/yaml + the v1 types)
// unknown fields are ignored, null lists are empty, and missing kind/apiVersion default to
// v1 Config; wrong types, nameless entries and duplicate names within one file are errors.
#include "kube/config/raw_config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

namespace kube::config::detail {
namespace {

struct ParseFailure {
    Error error;
};

// client.authentication.k8s.io/exec is the extension name client-go hands to exec plugins as
// spec.cluster.config (k8s.io/client-go/rest/exec.go, clusterExtensionKey).
constexpr const char *kExecExtensionName = "client.authentication.k8s.io/exec";

int lineOf(const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    return mark.line >= 0 ? mark.line + 1 : 0;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// An exec extension is a small configuration blob handed to the plugin. Aliases let a few hundred
// bytes of YAML name a billion values (each `*a` repeats all of `&a`, and so on), so the
// conversion counts the values it writes and gives up past this many.
constexpr std::size_t kMaxExtensionValues = 100000;
// And an alias inside its own anchor (`a: &a [*a]`) makes the graph a cycle: each level is a call,
// so the depth is bounded too, far below what the stack holds.
constexpr int kMaxExtensionDepth = 64;

struct TooLarge {};
struct TooDeep {};

// Throws TooLarge once `budget` values are used up, TooDeep past kMaxExtensionDepth levels.
nlohmann::json toJson(const YAML::Node &node, std::size_t &budget, int depth = 0)
{
    if (budget == 0)
        throw TooLarge{};
    if (depth > kMaxExtensionDepth)
        throw TooDeep{};
    --budget;
    switch (node.Type()) {
    case YAML::NodeType::Sequence: {
        auto arr = nlohmann::json::array();
        for (const auto &item : node)
            arr.push_back(toJson(item, budget, depth + 1));
        return arr;
    }
    case YAML::NodeType::Map: {
        auto obj = nlohmann::json::object();
        for (const auto &kv : node)
            obj[kv.first.Scalar()] = toJson(kv.second, budget, depth + 1);
        return obj;
    }
    case YAML::NodeType::Scalar: {
        const std::string &s = node.Scalar();
        if (node.Tag() == "!") // quoted: always a string
            return s;
        if (s == "true" || s == "false")
            return s == "true";
        if (s == "null" || s == "~")
            return nullptr;
        try {
            std::size_t used = 0;
            const long long i = std::stoll(s, &used);
            if (used == s.size())
                return i;
            const double d = std::stod(s, &used);
            if (used == s.size())
                return d;
        } catch (const std::exception &) {
        }
        return s;
    }
    default:
        return nullptr;
    }
}

class Parser {
public:
    explicit Parser(std::string path)
        : m_path(std::move(path)), m_dir(std::filesystem::path(m_path).parent_path().string())
    {
    }

    [[noreturn]] void fail(const YAML::Node &at, const std::string &entry,
                           const std::string &problem) const
    {
        throw ParseFailure{configError(reason::Invalid, {m_path, lineOf(at)}, entry, problem)};
    }

    static bool absent(const YAML::Node &n) { return !n.IsDefined() || n.IsNull(); }

    YAML::Node field(const YAML::Node &map, const char *key) const
    {
        return map.IsMap() ? map[key] : YAML::Node();
    }

    std::string str(const YAML::Node &map, const char *key, const std::string &entry) const
    {
        const YAML::Node n = field(map, key);
        if (absent(n))
            return {};
        if (!n.IsScalar())
            fail(n, entry + "." + key, "must be a string");
        return n.Scalar();
    }

    bool boolean(const YAML::Node &map, const char *key, const std::string &entry) const
    {
        const YAML::Node n = field(map, key);
        if (absent(n))
            return false;
        // YAML 1.1 booleans, as go-yaml v2 (used by sigs.k8s.io/yaml) reads them.
        const std::string v = n.IsScalar() ? lower(n.Scalar()) : std::string();
        if (v == "true" || v == "yes" || v == "on" || v == "y")
            return true;
        if (v == "false" || v == "no" || v == "off" || v == "n")
            return false;
        fail(n, entry + "." + key, "must be true or false");
    }

    YAML::Node mapping(const YAML::Node &map, const char *key, const std::string &entry) const
    {
        const YAML::Node n = field(map, key);
        if (absent(n))
            return YAML::Node(YAML::NodeType::Map);
        if (!n.IsMap())
            fail(n, entry + "." + key, "must be a mapping");
        return n;
    }

    // A list; null or missing is an empty list.
    YAML::Node list(const YAML::Node &map, const char *key, const std::string &entry) const
    {
        const YAML::Node n = field(map, key);
        if (absent(n))
            return YAML::Node(YAML::NodeType::Sequence);
        if (!n.IsSequence())
            fail(n, entry.empty() ? key : entry + "." + key, "must be a list");
        return n;
    }

    std::string path(const YAML::Node &map, const char *key, const std::string &entry) const
    {
        return resolve(str(map, key, entry));
    }

    // client-go's ResolveLocalPaths: relative references are relative to the file's directory.
    std::string resolve(const std::string &p) const
    {
        if (p.empty() || p.front() == '/')
            return p;
        return (std::filesystem::path(m_dir) / p).lexically_normal().string();
    }

    // Walks a named list (clusters, users, contexts): checks shape, names and duplicates.
    template <typename Fn>
    void namedList(const YAML::Node &root, const char *key, const char *bodyKey, Fn &&each) const
    {
        const YAML::Node items = list(root, key, {});
        std::map<std::string, int> seen;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const YAML::Node item = items[i];
            const std::string indexed = std::string(key) + "[" + std::to_string(i) + "]";
            if (!item.IsMap())
                fail(item, indexed, std::string("must be a mapping with name and ") + bodyKey);
            const YAML::Node nameNode = item["name"];
            if (absent(nameNode) || !nameNode.IsScalar() || nameNode.Scalar().empty())
                fail(item, indexed, "has no name (every entry needs a non-empty name)");
            const std::string name = nameNode.Scalar();
            const std::string entry = std::string(key) + "[" + name + "]";
            if (const auto it = seen.find(name); it != seen.end()) {
                fail(item, entry,
                     "is defined twice in this file (first at line " + std::to_string(it->second)
                         + "); client-go rejects duplicate names in one file");
            }
            seen.emplace(name, lineOf(item));
            const YAML::Node body = field(item, bodyKey);
            if (!absent(body) && !body.IsMap())
                fail(body, entry + "." + bodyKey, "must be a mapping");
            each(name, entry, absent(body) ? YAML::Node(YAML::NodeType::Map) : body,
                 Where{m_path, lineOf(item)});
        }
    }

    nlohmann::json extension(const YAML::Node &n, const std::string &entry) const
    {
        std::size_t budget = kMaxExtensionValues;
        try {
            return toJson(n, budget);
        } catch (const TooLarge &) {
            fail(n, entry + ".extensions[" + kExecExtensionName + "]",
                 "holds over " + std::to_string(kMaxExtensionValues)
                     + " values once its aliases are expanded; an exec extension is a small "
                       "configuration for the plugin");
        } catch (const TooDeep &) {
            fail(n, entry + ".extensions[" + kExecExtensionName + "]",
                 "nests deeper than " + std::to_string(kMaxExtensionDepth)
                     + " levels (or an alias refers to itself); an exec extension is a small configuration "
                       "for the plugin");
        }
    }

    RawExec exec(const YAML::Node &n, const std::string &entry) const
    {
        RawExec e;
        e.commandAsWritten = str(n, "command", entry);
        // Only a command with a path separator is file-relative; a bare name is looked up in PATH.
        e.command = e.commandAsWritten.find('/') != std::string::npos ? resolve(e.commandAsWritten)
                                                                      : e.commandAsWritten;
        e.apiVersion = str(n, "apiVersion", entry);
        e.installHint = str(n, "installHint", entry);
        e.interactiveMode = str(n, "interactiveMode", entry);
        e.provideClusterInfo = boolean(n, "provideClusterInfo", entry);
        const YAML::Node args = list(n, "args", entry);
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (!args[i].IsScalar())
                fail(args[i], entry + ".args[" + std::to_string(i) + "]", "must be a string");
            e.args.push_back(args[i].Scalar());
        }
        const YAML::Node env = list(n, "env", entry);
        for (std::size_t i = 0; i < env.size(); ++i) {
            const std::string envEntry = entry + ".env[" + std::to_string(i) + "]";
            if (!env[i].IsMap())
                fail(env[i], envEntry, "must be a mapping with name and value");
            e.env.push_back({str(env[i], "name", envEntry), str(env[i], "value", envEntry)});
        }
        return e;
    }

    RawFile parse(const YAML::Node &root) const
    {
        RawFile file;
        file.path = m_path;
        if (absent(root)) {
            file.empty = true;
            return file;
        }
        if (!root.IsMap())
            fail(root, {}, "top level is not a mapping (expected apiVersion: v1, kind: Config)");

        const std::string kind = str(root, "kind", "");
        if (!kind.empty() && kind != "Config")
            fail(root["kind"], "kind", "is \"" + kind + "\"; a kubeconfig has kind: Config");
        const std::string apiVersion = str(root, "apiVersion", "");
        if (!apiVersion.empty() && apiVersion != "v1")
            fail(root["apiVersion"], "apiVersion",
                 "is \"" + apiVersion + "\"; a kubeconfig has apiVersion: v1");
        file.currentContext = str(root, "current-context", "");
        if (!file.currentContext.empty())
            file.currentContextLine = lineOf(root["current-context"]);

        namedList(root, "clusters", "cluster", [&](auto &name, auto &entry, auto &c, Where w) {
            RawCluster cl;
            cl.name = name;
            cl.where = w;
            cl.server = str(c, "server", entry);
            cl.certificateAuthority = path(c, "certificate-authority", entry);
            cl.certificateAuthorityData = str(c, "certificate-authority-data", entry);
            cl.tlsServerName = str(c, "tls-server-name", entry);
            cl.proxyUrl = str(c, "proxy-url", entry);
            cl.insecureSkipTlsVerify = boolean(c, "insecure-skip-tls-verify", entry);
            cl.disableCompression = boolean(c, "disable-compression", entry);
            const YAML::Node exts = list(c, "extensions", entry);
            for (const auto &ext : exts) {
                if (ext.IsMap() && ext["name"].IsScalar()
                    && ext["name"].Scalar() == kExecExtensionName)
                    cl.execExtension = extension(ext["extension"], entry);
            }
            file.clusters.push_back(std::move(cl));
        });

        namedList(root, "users", "user", [&](auto &name, auto &entry, auto &u, Where w) {
            RawUser user;
            user.name = name;
            user.where = w;
            user.clientCertificate = path(u, "client-certificate", entry);
            user.clientCertificateData = str(u, "client-certificate-data", entry);
            user.clientKey = path(u, "client-key", entry);
            user.clientKeyData = str(u, "client-key-data", entry);
            user.token = str(u, "token", entry);
            user.tokenFile = path(u, "tokenFile", entry);
            user.username = str(u, "username", entry);
            user.hasPassword = !str(u, "password", entry).empty();
            user.impersonate = str(u, "as", entry);
            user.hasImpersonateExtras = !absent(field(u, "as-groups"))
                || !absent(field(u, "as-uid")) || !absent(field(u, "as-user-extra"));
            const YAML::Node provider = field(u, "auth-provider");
            if (!absent(provider)) {
                const YAML::Node p = mapping(u, "auth-provider", entry);
                user.hasAuthProvider = true;
                user.authProviderName = str(p, "name", entry + ".auth-provider");
            }
            if (!absent(field(u, "exec")))
                user.exec = exec(mapping(u, "exec", entry), entry + ".exec");
            file.users.push_back(std::move(user));
        });

        namedList(root, "contexts", "context", [&](auto &name, auto &entry, auto &c, Where w) {
            RawContext ctx;
            ctx.name = name;
            ctx.where = w;
            ctx.cluster = str(c, "cluster", entry);
            ctx.user = str(c, "user", entry);
            ctx.namespaceName = str(c, "namespace", entry);
            file.contexts.push_back(std::move(ctx));
        });
        return file;
    }

private:
    std::string m_path;
    std::string m_dir;
};

} // namespace

Result<RawFile> parseKubeconfig(const std::string &path, const std::string &text)
{
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        RawFile file;
        file.path = path;
        file.empty = true;
        return file;
    }
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception &e) {
        const int line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
        std::string problem = "is not valid YAML: " + e.msg;
        if (e.mark.column >= 0)
            problem += " (line " + std::to_string(line) + ", column "
                + std::to_string(e.mark.column + 1) + ")";
        return configError(reason::InvalidYaml, {path, line}, {}, problem);
    }
    try {
        return Parser(path).parse(root);
    } catch (const ParseFailure &f) {
        return f.error;
    } catch (const YAML::Exception &e) {
        return configError(reason::Invalid, {path, e.mark.line >= 0 ? e.mark.line + 1 : 0}, {},
                           "could not be read as a kubeconfig: " + e.msg);
    }
}

} // namespace kube::config::detail
