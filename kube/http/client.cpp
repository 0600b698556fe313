#include "kube/http/client.h"

#include "kube/http/engine.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <future>
#include <mutex>

namespace kube::http {
namespace {

Result<int> validateCa(const std::string &pem)
{
    // curl would only say "cannot load CA" at the first request; check early with a clear text.
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
    int count = 0;
    while (X509 *cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        X509_free(cert);
        ++count;
    }
    ERR_clear_error();
    if (count == 0)
        return makeError(Error::Kind::Tls, "the certificate-authority data is not a PEM certificate");
    return count;
}

} // namespace

Result<std::shared_ptr<Client>> Client::create(const config::RestConfig &cfg)
{
    static std::once_flag curlInit;
    std::call_once(curlInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

    if (cfg.server.rfind("https://", 0) != 0 && cfg.server.rfind("http://", 0) != 0)
        return makeError(Error::Kind::Config, "the server URL must start with https:// or http://",
                         "server: " + cfg.server);
    if (detail::hostOf(cfg.server).empty())
        return makeError(Error::Kind::Config, "the server URL " + cfg.server + " is not valid");
    if (!cfg.caPem.empty() && !cfg.insecureSkipTlsVerify) {
        auto ca = validateCa(cfg.caPem);
        if (!ca.ok()) {
            Error e = ca.error();
            e.detail = cfg.sourceFile.empty() ? "cluster " + cfg.clusterName : cfg.sourceFile;
            return e;
        }
    }
    auto engine = std::make_shared<detail::Engine>(cfg);
    Error error;
    if (!engine->init(error))
        return error;
    std::shared_ptr<Client> client(new Client(engine));
    return client;
}

Client::Client(std::shared_ptr<detail::Engine> engine) : m_engine(std::move(engine))
{
    // The thread keeps its own reference: if the last Client reference dies inside a callback,
    // the thread is detached and still owns the engine until its loop ends.
    std::thread([engine = m_engine] { engine->run(); }).swap(m_thread);
}

Client::~Client()
{
    m_engine->requestStop();
    if (m_thread.get_id() == std::this_thread::get_id())
        m_thread.detach();
    else if (m_thread.joinable())
        m_thread.join();
}

RequestId Client::send(Request req, std::function<void(Result<Response>)> done)
{
    auto t = std::make_unique<detail::Transfer>();
    t->id = m_engine->nextId();
    t->req = std::move(req);
    t->done = std::move(done);
    const RequestId id = t->id;
    m_engine->start(std::move(t));
    return id;
}

RequestId Client::stream(Request req, std::function<void(std::string_view)> onChunk,
                         std::function<void(Status)> done, std::function<void(const Response &)> onHeaders)
{
    auto t = std::make_unique<detail::Transfer>();
    t->id = m_engine->nextId();
    t->req = std::move(req);
    t->streaming = true;
    t->onChunk = std::move(onChunk);
    t->streamDone = std::move(done);
    t->onHeaders = std::move(onHeaders);
    const RequestId id = t->id;
    m_engine->start(std::move(t));
    return id;
}

void Client::cancel(RequestId id)
{
    m_engine->cancel(id);
}

Result<Response> Client::sendSync(Request req)
{
    if (m_engine->onNetworkThread())
        return makeError(Error::Kind::Invalid, "sendSync() called on the network thread (it would deadlock)");
    std::promise<Result<Response>> promise;
    auto future = promise.get_future();
    send(std::move(req), [&promise](Result<Response> r) { promise.set_value(std::move(r)); });
    return future.get();
}

RequestId Client::schedule(std::chrono::milliseconds delay, std::function<void()> fn)
{
    const RequestId id = m_engine->nextId();
    m_engine->schedule(id, delay, std::move(fn));
    return id;
}

const config::RestConfig &Client::config() const
{
    return m_engine->config;
}

bool Client::onNetworkThread() const
{
    return m_engine->onNetworkThread();
}

} // namespace kube::http
