#pragma once
// Internal: asks the CredentialProvider on a worker thread of its own. An exec plugin may run
// for minutes (a browser sign-in); the network thread must keep serving every other stream and
// timer meanwhile. One provider call at a time serves everyone waiting, and after a 401 the
// plugin runs again only while the rejected credentials are still the newest, as client-go's
// exec authenticator does (plugin/pkg/client/auth/exec/exec.go, maybeRefreshCreds).
#include "kube/config/rest_config.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace kube::http::detail {

// Numbers the credentials a request was sent with. It grows when the provider returns other
// credentials and with every successful forced refresh (even one returning the same
// credentials: they were tried again, so a 401 with them is final).
using CredentialGeneration = std::uint64_t;

struct CredentialAnswer {
    Result<config::Credentials> credentials = config::Credentials{};
    // Of the credentials; for a failure, the generation that was current when it happened.
    CredentialGeneration generation = 0;
    bool refresh = false; // answers a forced refresh (after a 401)
};

// Same certificate, key and token: retrying with them cannot change a 401.
bool sameIdentity(const config::Credentials &a, const config::Credentials &b);

class CredentialBroker {
public:
    // deliver runs on the worker thread, once per provider call, never after stop() returned.
    using Deliver = std::function<void(CredentialAnswer)>;
    CredentialBroker(std::shared_ptr<config::CredentialProvider> provider, Deliver deliver);
    ~CredentialBroker();
    CredentialBroker(const CredentialBroker &) = delete;
    CredentialBroker &operator=(const CredentialBroker &) = delete;

    // Thread-safe. A call already running answers this one too.
    void fetch();
    // Thread-safe. Credentials of generation `rejected` got a 401. Runs a forced refresh unless
    // one for that generation is running, or newer credentials exist (their answer is on its way).
    void refresh(CredentialGeneration rejected);

    // Idempotent. The worker is joined when idle; during a provider call it is detached and ends
    // when the call returns (a plugin stops at its own deadline), so closing never waits for it.
    void stop();

private:
    struct State;
    static void work(const std::shared_ptr<State> &state);

    std::shared_ptr<State> m_state; // shared with the worker, which may outlive this object
    std::thread m_thread;
};

} // namespace kube::http::detail
