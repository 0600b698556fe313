#include "kube/metrics/selector.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace kube::metrics {

namespace {

bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Characters that may appear in a label key or value (qualified names: [A-Za-z0-9._/-]).
bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'
        || c == '/';
}

bool parseInteger(std::string_view s, int64_t &out)
{
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

class Parser {
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    Result<std::vector<Requirement>> run()
    {
        std::vector<Requirement> out;
        skipSpace();
        if (atEnd())
            return out;
        while (true) {
            Requirement r;
            if (!requirement(r))
                return error();
            out.push_back(std::move(r));
            skipSpace();
            if (atEnd())
                return out;
            if (!consume(',')) {
                fail("expected ',' between requirements");
                return error();
            }
        }
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    void skipSpace()
    {
        while (!atEnd() && isSpace(m_text[m_pos]))
            ++m_pos;
    }
    bool consume(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    bool consumeWord(std::string_view w)
    {
        skipSpace();
        if (m_text.substr(m_pos, w.size()) != w)
            return false;
        const std::size_t after = m_pos + w.size();
        // "in" must not be the start of a longer name such as "index".
        if (after < m_text.size() && isNameChar(m_text[after]))
            return false;
        m_pos = after;
        return true;
    }
    std::string name()
    {
        skipSpace();
        const std::size_t start = m_pos;
        while (!atEnd() && isNameChar(m_text[m_pos]))
            ++m_pos;
        return std::string(m_text.substr(start, m_pos - start));
    }
    bool fail(const std::string &what)
    {
        if (!m_failed) {
            m_failed = true;
            m_error = makeError(Error::Kind::Invalid,
                                "\"" + std::string(m_text) + "\" is not a label selector: " + what
                                    + " at position " + std::to_string(m_pos + 1));
        }
        return false;
    }
    Error error() const { return m_error; }

    bool valueSet(Requirement &r)
    {
        if (!consume('('))
            return fail("expected '(' after " + std::string(r.op == Requirement::Op::In ? "in" : "notin"));
        while (true) {
            r.values.push_back(name()); // an empty value is allowed: "env in (,a)"
            if (consume(')'))
                return true;
            if (!consume(','))
                return fail("expected ',' or ')' in the value list");
        }
    }

    bool requirement(Requirement &r)
    {
        skipSpace();
        if (consume('!')) {
            r.op = Requirement::Op::DoesNotExist;
            r.key = name();
            return !r.key.empty() || fail("expected a label key after '!'");
        }
        r.key = name();
        if (r.key.empty())
            return fail("expected a label key");
        skipSpace();
        if (atEnd() || peek() == ',') {
            r.op = Requirement::Op::Exists;
            return true;
        }
        if (consumeWord("notin")) {
            r.op = Requirement::Op::NotIn;
            return valueSet(r);
        }
        if (consumeWord("in")) {
            r.op = Requirement::Op::In;
            return valueSet(r);
        }
        if (m_text.substr(m_pos, 2) == "==" || m_text.substr(m_pos, 2) == "!=") {
            r.op = m_text[m_pos] == '!' ? Requirement::Op::NotEquals : Requirement::Op::Equals;
            m_pos += 2;
        } else if (peek() == '=' || peek() == '>' || peek() == '<') {
            r.op = peek() == '=' ? Requirement::Op::Equals
                                 : (peek() == '>' ? Requirement::Op::GreaterThan
                                                  : Requirement::Op::LessThan);
            ++m_pos;
        } else {
            return fail("expected an operator (=, ==, !=, in, notin, >, <)");
        }
        r.values.push_back(name());
        if (r.op == Requirement::Op::GreaterThan || r.op == Requirement::Op::LessThan) {
            int64_t n = 0;
            if (!parseInteger(r.values.back(), n))
                return fail("'>' and '<' need an integer value");
        }
        return true;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    bool m_failed = false;
    Error m_error;
};

bool contains(const std::vector<std::string> &values, const std::string &v)
{
    return std::find(values.begin(), values.end(), v) != values.end();
}

} // namespace

bool Requirement::matches(const Labels &labels) const
{
    const auto it = labels.find(key);
    const bool has = it != labels.end();
    switch (op) {
    case Op::Exists: return has;
    case Op::DoesNotExist: return !has;
    case Op::Equals:
    case Op::In: return has && contains(values, it->second);
    case Op::NotEquals:
    case Op::NotIn: return !has || !contains(values, it->second);
    case Op::GreaterThan:
    case Op::LessThan: {
        int64_t have = 0, want = 0;
        if (!has || values.empty() || !parseInteger(it->second, have)
            || !parseInteger(values.front(), want))
            return false;
        return op == Op::GreaterThan ? have > want : have < want;
    }
    }
    return false;
}

Result<Selector> Selector::parse(std::string_view text)
{
    auto reqs = Parser(text).run();
    if (!reqs)
        return reqs.error();
    Selector s;
    s.m_requirements = std::move(reqs.value());
    return s;
}

bool Selector::matches(const Labels &labels) const
{
    return std::all_of(m_requirements.begin(), m_requirements.end(),
                       [&](const Requirement &r) { return r.matches(labels); });
}

Result<Labels> labelsForSelector(const api::LabelSelector &selector)
{
    Labels out = selector.matchLabels;
    for (const auto &e : selector.matchExpressions) {
        if (e.operator_ == "In" && e.values.size() == 1) {
            const auto [it, inserted] = out.emplace(e.key, e.values.front());
            if (!inserted && it->second != e.values.front())
                return makeError(Error::Kind::Invalid,
                                 "the metric selector \"" + selector.toString()
                                     + "\" can never match: " + e.key + " must be both \""
                                     + it->second + "\" and \"" + e.values.front() + "\"");
            continue;
        }
        if (e.operator_ == "NotIn" || e.operator_ == "DoesNotExist")
            continue;
        return makeError(Error::Kind::Invalid,
                         "cannot write a value that the metric selector \"" + selector.toString()
                             + "\" matches: \"" + e.key + " " + e.operator_
                             + "\" does not name one label value",
                         "use matchLabels (or In with one value) in the HPA's metric selector");
    }
    // A NotIn that excludes the value we are about to store makes the selector unsatisfiable.
    for (const auto &e : selector.matchExpressions) {
        const auto it = out.find(e.key);
        if (it == out.end())
            continue;
        if ((e.operator_ == "NotIn" && contains(e.values, it->second)) || e.operator_ == "DoesNotExist")
            return makeError(Error::Kind::Invalid, "the metric selector \"" + selector.toString()
                                                       + "\" can never match (" + e.key
                                                       + " is both required and excluded)");
    }
    return out;
}

std::string formatLabels(const Labels &labels)
{
    std::string out;
    for (const auto &[k, v] : labels)
        out += (out.empty() ? "" : ",") + k + "=" + v;
    return out;
}

} // namespace kube::metrics
