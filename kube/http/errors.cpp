#include "kube/http/errors.h"

#include "kube/core/json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <regex>

namespace kube::http {
namespace {

// Longest server text copied into an Error; proxies sometimes answer with whole HTML pages.
constexpr std::size_t kMaxServerText = 300;

std::string reasonForStatus(int status)
{
    // Status reasons as in apimachinery's metav1.StatusReason.
    switch (status) {
    case 400: return "BadRequest";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "NotFound";
    case 405: return "MethodNotAllowed";
    case 406: return "NotAcceptable";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "RequestEntityTooLarge";
    case 415: return "UnsupportedMediaType";
    case 422: return "Invalid";
    case 429: return "TooManyRequests";
    case 500: return "InternalError";
    case 503: return "ServiceUnavailable";
    case 504: return "Timeout";
    default: return "Unknown";
    }
}

// Collapses whitespace and strips markup-ish noise so a proxy's error page reads as one line.
std::string snippet(std::string_view text)
{
    std::string out;
    bool space = false;
    bool inTag = false;
    for (char c : text) {
        if (c == '<') {
            inTag = true;
            continue;
        }
        if (inTag) {
            if (c == '>') {
                inTag = false;
                space = !out.empty();
            }
            continue;
        }
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
        if (out.size() >= kMaxServerText) {
            out += "...";
            break;
        }
    }
    return out;
}

int parseRetryAfter(const std::map<std::string, std::string> &headers)
{
    auto it = headers.find("retry-after");
    if (it == headers.end())
        return -1;
    // Only the delta-seconds form; the API server never sends an HTTP date here.
    const std::string &v = it->second;
    if (v.empty() || !std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return -1;
    return std::stoi(v);
}

std::string resourceLabel(const ForbiddenInfo &f)
{
    return f.group.empty() ? f.resource : f.resource + "." + f.group;
}

std::string forbiddenSentence(const ForbiddenInfo &f)
{
    if (!f.nonResourcePath.empty())
        return "forbidden: cannot " + f.verb + " path " + f.nonResourcePath + " (RBAC)";
    std::string s = "forbidden: cannot " + f.verb + " " + resourceLabel(f);
    if (!f.namespaceName.empty())
        s += " in namespace \"" + f.namespaceName + "\"";
    else if (f.clusterScope)
        s += " at the cluster scope";
    return s + " (RBAC)";
}

std::string withServerText(std::string prefix, const std::string &serverMessage)
{
    return serverMessage.empty() ? prefix : prefix + ": " + serverMessage;
}

} // namespace

bool parseForbiddenMessage(std::string_view message, ForbiddenInfo &out)
{
    // Formats from k8s.io/apiserver/pkg/endpoints/handlers/responsewriters forbiddenMessage().
    static const std::regex resourceRe(
        R"re(User "([^"]*)" cannot (\S+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)"| (at the cluster scope))?)re");
    static const std::regex pathRe(R"re(User "([^"]*)" cannot (\S+) path "([^"]+)")re");
    std::string text(message);
    std::smatch m;
    if (std::regex_search(text, m, resourceRe)) {
        out.user = m[1];
        out.verb = m[2];
        out.resource = m[3];
        out.group = m[4];
        out.namespaceName = m[5];
        out.clusterScope = m[6].matched;
        return true;
    }
    if (std::regex_search(text, m, pathRe)) {
        out.user = m[1];
        out.verb = m[2];
        out.nonResourcePath = m[3];
        return true;
    }
    return false;
}

Error errorFromResponse(int status, const std::map<std::string, std::string> &headers,
                        std::string_view body, std::string_view method, std::string_view path)
{
    Error e;
    e.kind = Error::Kind::Http;
    e.httpStatus = status;
    e.reason = reasonForStatus(status);
    e.retryAfterSeconds = parseRetryAfter(headers);

    std::string serverMessage;
    std::string causes;
    nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    const bool isStatus = stringMember(j, "kind") == "Status";
    if (isStatus) {
        if (j.contains("reason") && j["reason"].is_string() && !j["reason"].get<std::string>().empty())
            e.reason = j["reason"].get<std::string>();
        if (j.contains("message") && j["message"].is_string())
            serverMessage = snippet(j["message"].get<std::string>());
        if (j.contains("details") && j["details"].is_object()) {
            const auto &d = j["details"];
            if (d.contains("retryAfterSeconds") && d["retryAfterSeconds"].is_number_integer()
                && e.retryAfterSeconds < 0)
                e.retryAfterSeconds = d["retryAfterSeconds"].get<int>();
            if (d.contains("causes") && d["causes"].is_array()) {
                for (const auto &c : d["causes"]) {
                    if (!c.is_object())
                        continue;
                    std::string field = stringMember(c, "field");
                    std::string msg = stringMember(c, "message");
                    if (!causes.empty())
                        causes += "; ";
                    causes += field.empty() ? msg : field + ": " + msg;
                }
            }
        }
    } else if (!body.empty()) {
        serverMessage = snippet(body);
    }

    std::string request = std::string(method) + " " + std::string(path.substr(0, path.find('?')));
    e.detail = serverMessage.empty() ? request : request + ": " + serverMessage;

    switch (status) {
    case 400:
        e.message = withServerText("bad request", serverMessage);
        break;
    case 401:
        e.message = "the server rejected the credentials (expired token or certificate?)";
        break;
    case 403: {
        ForbiddenInfo f;
        if (parseForbiddenMessage(serverMessage, f))
            e.message = forbiddenSentence(f);
        else
            e.message = withServerText("forbidden", serverMessage);
        break;
    }
    case 404:
        e.message = isStatus ? withServerText("not found", serverMessage)
                             : "the server has no resource at " + std::string(path.substr(0, path.find('?')))
                + " (is this API group/version served by the cluster?)";
        break;
    case 405:
        e.message = "the server does not allow " + std::string(method) + " here";
        break;
    case 409:
        e.message = withServerText(e.reason == "AlreadyExists" ? "already exists" : "conflict",
                                   serverMessage);
        break;
    case 410:
        e.message = "the requested resource version is too old; a fresh list is needed";
        break;
    case 422:
        e.message = withServerText("invalid", serverMessage);
        if (!causes.empty())
            e.detail = request + ": " + causes;
        break;
    case 429:
        e.message = "too many requests: the API server asks to slow down";
        if (e.retryAfterSeconds >= 0)
            e.message += " (retry after " + std::to_string(e.retryAfterSeconds) + " s)";
        break;
    case 500:
        e.message = withServerText("internal server error", serverMessage);
        break;
    case 502:
        e.message = "bad gateway: a proxy or load balancer could not reach the API server";
        break;
    case 503:
        e.message = withServerText("service unavailable", serverMessage)
            + " (is the aggregated API / adapter running?)";
        break;
    case 504:
        e.message = withServerText("the server timed out", serverMessage);
        break;
    default:
        e.message = withServerText("HTTP " + std::to_string(status), serverMessage);
        break;
    }
    return e;
}

} // namespace kube::http
