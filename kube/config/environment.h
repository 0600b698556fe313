#pragma once
// A snapshot of the process environment (or a test-supplied one). Taken once at load time so
// credential providers running on a worker thread never call getenv() concurrently with
// the GUI thread changing it.
#include <map>
#include <string>
#include <vector>

namespace kube::config {

class Environment {
public:
    static Environment fromProcess();
    static Environment fromMap(std::map<std::string, std::string> vars);

    std::string get(const std::string &name) const;
    void set(const std::string &name, std::string value) { m_vars[name] = std::move(value); }
    // The home directory: $HOME, else the password database (only for the real environment).
    std::string home() const;
    // "NAME=value" strings in the order execve() expects.
    std::vector<std::string> entries() const;

private:
    std::map<std::string, std::string> m_vars;
    bool m_real = false;
};

} // namespace kube::config
