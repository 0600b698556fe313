// Finding, reading and merging kubeconfig files (client-go tools/clientcmd/loader.go).
#include "kube/config/kubeconfig.h"

#include "kube/config/file_util.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>

namespace kube::config {

using namespace detail;

namespace {

std::string absolutePath(const std::string &path)
{
    std::error_code ec;
    const auto abs = std::filesystem::absolute(path, ec);
    return ec ? path : abs.lexically_normal().string();
}

// client-go: filepath.SplitList, empty elements skipped, duplicates removed keeping the first.
std::vector<std::string> splitList(const std::string &value)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= value.size()) {
        const auto end = value.find(':', start);
        const std::string part = value.substr(start, end == std::string::npos ? end : end - start);
        if (!part.empty()) {
            const std::string abs = absolutePath(part);
            if (std::find(out.begin(), out.end(), abs) == out.end())
                out.push_back(abs);
        }
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return out;
}

std::string joined(const std::vector<std::string> &items)
{
    std::string s;
    for (const auto &item : items)
        s += (s.empty() ? "" : ", ") + item;
    return s;
}

Error noKubeconfig(std::string message)
{
    Error e = makeError(Error::Kind::Config, std::move(message));
    e.reason = reason::NoKubeconfig;
    return e;
}

} // namespace

Kubeconfig::Kubeconfig(const LoadOptions &opts)
    : m_env(opts.env.empty() ? Environment::fromProcess() : Environment::fromMap(opts.env)),
      m_namespaceOverride(opts.namespaceOverride)
{
}

Result<Kubeconfig> Kubeconfig::fromText(const std::string &path, const std::string &text,
                                        const LoadOptions &opts)
{
    Kubeconfig kc(opts);
    if (Status added = kc.add(path, text); !added)
        return added.error();
    if (Status chosen = kc.chooseContext(opts); !chosen)
        return chosen.error();
    return kc;
}

Status Kubeconfig::add(const std::string &path, const std::string &text)
{
    Result<RawFile> parsed = parseKubeconfig(path, text);
    if (!parsed)
        return parsed.error();
    if (parsed->empty)
        m_warnings.push_back(path + " is empty");
    m_files.push_back(path);
    return merge(std::move(parsed.value()));
}

Result<Kubeconfig> Kubeconfig::load(const LoadOptions &opts)
{
    Kubeconfig kc(opts);

    enum class Source { Explicit, EnvList, Home } source;
    std::vector<std::string> chain;
    const std::string envList = kc.m_env.get("KUBECONFIG");
    if (!opts.kubeconfigPath.empty()) {
        source = Source::Explicit;
        chain = {absolutePath(opts.kubeconfigPath)};
    } else if (!envList.empty()) {
        source = Source::EnvList;
        chain = splitList(envList);
    } else {
        source = Source::Home;
        const std::string home = kc.m_env.home();
        if (home.empty())
            return noKubeconfig("no kubeconfig found: KUBECONFIG is unset and HOME is not set");
        chain = {absolutePath(home + "/.kube/config")};
    }

    std::vector<std::string> missing;
    for (const auto &path : chain) {
        std::string text;
        const int err = readWholeFile(path, &text);
        if (err == ENOENT || err == ENOTDIR) {
            if (source == Source::Explicit) {
                Error e = configError(reason::FileNotFound, {path}, {},
                                      "does not exist (given with --kubeconfig)");
                return e;
            }
            if (source == Source::EnvList)
                kc.m_warnings.push_back("KUBECONFIG lists " + path + ", which does not exist; skipped");
            missing.push_back(path);
            continue;
        }
        if (err != 0)
            return configError(reason::Unreadable, {path}, {}, readProblem(err));
        if (Status added = kc.add(path, text); !added)
            return added.error();
    }

    if (kc.m_files.empty()) {
        if (source == Source::Home)
            return noKubeconfig(
                "no kubeconfig found: KUBECONFIG is unset and ~/.kube/config does not exist");
        return noKubeconfig("no kubeconfig found: none of the files in KUBECONFIG exist ("
                            + joined(missing) + ")");
    }

    if (Status chosen = kc.chooseContext(opts); !chosen)
        return chosen.error();
    return kc;
}

Status Kubeconfig::chooseContext(const LoadOptions &opts)
{
    if (!opts.context.empty()) {
        if (m_contexts.count(opts.context) == 0) {
            Error e = makeError(Error::Kind::Config,
                                "context \"" + opts.context
                                    + "\" given with --context is not defined in "
                                    + joined(m_files),
                                "available contexts: " + joined(contextNames()));
            e.reason = reason::ContextNotFound;
            return e;
        }
        m_currentContext = opts.context;
        m_currentContextWhere = {"--context"};
    } else if (!m_currentContext.empty() && m_contexts.count(m_currentContext) == 0) {
        m_warnings.push_back(locationOf(m_currentContextWhere) + ": current-context \""
                             + m_currentContext + "\" is not defined");
    }
    return success();
}

// client-go merges with mergo in reverse order with override, so for every named entry and for
// current-context the FIRST file that sets it wins.
Status Kubeconfig::merge(RawFile file)
{
    if (m_currentContext.empty() && !file.currentContext.empty()) {
        m_currentContext = file.currentContext;
        m_currentContextWhere = {file.path, file.currentContextLine};
    }
    for (auto &c : file.clusters)
        m_clusters.emplace(c.name, std::move(c));
    for (auto &u : file.users)
        m_users.emplace(u.name, std::move(u));
    for (auto &c : file.contexts)
        m_contexts.emplace(c.name, std::move(c));
    return success();
}

std::vector<std::string> Kubeconfig::contextNames() const
{
    std::vector<std::string> names;
    names.reserve(m_contexts.size());
    for (const auto &[name, ctx] : m_contexts)
        names.push_back(name);
    return names; // std::map keeps them sorted
}

} // namespace kube::config
