#include "kube/http/credential_broker.h"

namespace kube::http::detail {

bool sameIdentity(const config::Credentials &a, const config::Credentials &b)
{
    return a.bearerToken == b.bearerToken && a.clientCertPem == b.clientCertPem
        && a.clientKeyPem == b.clientKeyPem;
}

struct CredentialBroker::State {
    std::shared_ptr<config::CredentialProvider> provider;
    std::mutex mutex;
    std::condition_variable wake;
    Deliver deliver; // cleared by stop(); called with the mutex held, so never after stop()
    bool stopped = false;
    bool fetchWanted = false;
    bool refreshWanted = false;
    CredentialGeneration refreshFor = 0;
    bool busy = false;       // a provider call is running
    bool busyForced = false; // ... and it is a forced refresh
    CredentialGeneration generation = 0;
    config::Credentials current;
};

CredentialBroker::CredentialBroker(std::shared_ptr<config::CredentialProvider> provider, Deliver deliver)
    : m_state(std::make_shared<State>())
{
    m_state->provider = std::move(provider);
    m_state->deliver = std::move(deliver);
    std::thread([state = m_state] { work(state); }).swap(m_thread);
}

CredentialBroker::~CredentialBroker()
{
    stop();
}

void CredentialBroker::fetch()
{
    std::lock_guard lock(m_state->mutex);
    if (m_state->busy || m_state->stopped)
        return; // the running call's answer has not been delivered yet: it serves this caller
    m_state->fetchWanted = true;
    m_state->wake.notify_one();
}

void CredentialBroker::refresh(CredentialGeneration rejected)
{
    std::lock_guard lock(m_state->mutex);
    State &s = *m_state;
    if (s.stopped || rejected < s.generation)
        return; // newer credentials were delivered after the caller last looked
    if (s.busy && s.busyForced)
        return; // a refresh of these very credentials is running (the generation cannot move while busy)
    s.refreshWanted = true;
    s.refreshFor = rejected;
    s.wake.notify_one();
}

void CredentialBroker::stop()
{
    bool busy = false;
    {
        std::lock_guard lock(m_state->mutex);
        m_state->stopped = true;
        m_state->deliver = nullptr;
        busy = m_state->busy;
    }
    m_state->wake.notify_one();
    if (!m_thread.joinable())
        return;
    if (busy)
        m_thread.detach(); // holds its own State reference (and the provider's) until the call ends
    else
        m_thread.join();
}

void CredentialBroker::work(const std::shared_ptr<State> &state)
{
    State &s = *state;
    std::unique_lock lock(s.mutex);
    for (;;) {
        s.wake.wait(lock, [&s] { return s.stopped || s.fetchWanted || s.refreshWanted; });
        if (s.stopped)
            return;
        if (s.refreshWanted && s.refreshFor < s.generation) {
            // A fetch delivered other credentials meanwhile; the 401 waiters retry with those.
            s.refreshWanted = false;
            if (!s.fetchWanted)
                continue;
        }
        const bool force = s.refreshWanted;
        s.fetchWanted = s.refreshWanted = false; // this one call answers both kinds of waiter
        s.busy = true;
        s.busyForced = force;
        lock.unlock();
        Result<config::Credentials> result = s.provider->credentials(force);
        lock.lock();
        s.busy = s.busyForced = false;
        if (s.stopped)
            return;
        if (result.ok() && (force || s.generation == 0 || !sameIdentity(result.value(), s.current))) {
            ++s.generation;
            s.current = result.value();
        }
        // Delivered under the mutex: a refresh() that sees the new generation can rely on this
        // answer already being queued for the network thread.
        s.deliver(CredentialAnswer{std::move(result), s.generation, force});
    }
}

} // namespace kube::http::detail
