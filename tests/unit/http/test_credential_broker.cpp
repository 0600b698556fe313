// The single-flight rules of kube/http's credential worker, against a provider the test holds
// inside its call until it opens a gate.
#include "kube/http/credential_broker.h"

#include <QDeadlineTimer>
#include <QTest>
#include <QThread>

#include <condition_variable>
#include <mutex>
#include <vector>

using namespace kube;
using kube::http::detail::CredentialAnswer;
using kube::http::detail::CredentialBroker;

namespace {

constexpr auto kWait = std::chrono::seconds(10);

// Non-forced calls return the current token; a forced one moves to the next (unless `same`).
class GatedProvider : public config::CredentialProvider {
public:
    bool same = false;

    Result<config::Credentials> credentials(bool forceRefresh) override
    {
        std::unique_lock lock(m_mutex);
        ++m_calls;
        if (forceRefresh)
            ++m_forced;
        m_inside = true;
        m_cv.notify_all();
        m_cv.wait(lock, [this] { return m_open; });
        m_inside = false;
        ++m_returned;
        m_cv.notify_all();
        if (forceRefresh && !same)
            ++m_token;
        config::Credentials c;
        c.bearerToken = "tok-" + std::to_string(m_token);
        return c;
    }
    std::string describe() const override { return "gated"; }

    void rotate()
    {
        std::lock_guard lock(m_mutex);
        ++m_token;
    }

    void open(bool o)
    {
        std::lock_guard lock(m_mutex);
        m_open = o;
        m_cv.notify_all();
    }
    // Waits until call number n is inside the provider.
    bool inside(int n)
    {
        std::unique_lock lock(m_mutex);
        return m_cv.wait_for(lock, kWait, [&] { return m_inside && m_calls == n; });
    }
    bool returned(int n)
    {
        std::unique_lock lock(m_mutex);
        return m_cv.wait_for(lock, kWait, [&] { return m_returned == n; });
    }
    int calls()
    {
        std::lock_guard lock(m_mutex);
        return m_calls;
    }
    int forced()
    {
        std::lock_guard lock(m_mutex);
        return m_forced;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_open = false;
    bool m_inside = false;
    int m_calls = 0, m_forced = 0, m_returned = 0, m_token = 1;
};

struct Answers {
    std::mutex mutex;
    std::condition_variable cv;
    std::vector<CredentialAnswer> list;

    CredentialBroker::Deliver deliver()
    {
        return [this](CredentialAnswer a) {
            std::lock_guard lock(mutex);
            list.push_back(std::move(a));
            cv.notify_all();
        };
    }
    bool count(std::size_t n)
    {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, kWait, [&] { return list.size() == n; });
    }
    CredentialAnswer at(std::size_t i)
    {
        std::lock_guard lock(mutex);
        return list.at(i);
    }
};

// A broker whose first fetch (tok-1, generation 1) has been asked for.
struct Fetched {
    std::shared_ptr<GatedProvider> provider = std::make_shared<GatedProvider>();
    Answers answers;
    CredentialBroker broker{provider, answers.deliver()};
    explicit Fetched(bool same = false)
    {
        provider->same = same;
        provider->open(true);
        broker.fetch();
    }
};

} // namespace

class TestCredentialBroker : public QObject {
    Q_OBJECT

private slots:
    void fetchesDuringACallJoinIt()
    {
        auto provider = std::make_shared<GatedProvider>();
        Answers answers;
        CredentialBroker broker(provider, answers.deliver());
        broker.fetch();
        QVERIFY(provider->inside(1));
        for (int i = 0; i < 5; ++i)
            broker.fetch();
        provider->open(true);
        QVERIFY(answers.count(1));
        QCOMPARE(answers.at(0).credentials->bearerToken, std::string("tok-1"));
        QCOMPARE(answers.at(0).generation, 1u);
        QVERIFY(!answers.at(0).refresh);
        broker.stop(); // joins: any second call would have been delivered first
        QCOMPARE(provider->calls(), 1);
        QCOMPARE(int(answers.list.size()), 1);
    }

    void refreshesOfOneGenerationShareOneCall()
    {
        Fetched f;
        auto &[provider, answers, broker] = f;
        QVERIFY(answers.count(1));
        provider->open(false);
        broker.refresh(1);
        QVERIFY(provider->inside(2));
        broker.refresh(1); // the 401s of the other requests sent with tok-1
        broker.refresh(1);
        provider->open(true);
        QVERIFY(answers.count(2));
        QCOMPARE(answers.at(1).credentials->bearerToken, std::string("tok-2"));
        QCOMPARE(answers.at(1).generation, 2u);
        QVERIFY(answers.at(1).refresh);
        broker.refresh(1); // a late 401 with tok-1: tok-2 is already out
        broker.stop();
        QCOMPARE(provider->forced(), 1);
        QCOMPARE(int(answers.list.size()), 2);
    }

    void refreshReturningTheSameCredentialsIsANewGeneration()
    {
        Fetched f(true);
        auto &[provider, answers, broker] = f;
        QVERIFY(answers.count(1));
        broker.refresh(1);
        QVERIFY(answers.count(2));
        QCOMPARE(answers.at(1).credentials->bearerToken, std::string("tok-1"));
        QCOMPARE(answers.at(1).generation, 2u); // so a 401 with generation 1 is final
        broker.fetch(); // unchanged credentials keep their generation
        QVERIFY(answers.count(3));
        QCOMPARE(answers.at(2).generation, 2u);
    }

    void refreshIsDroppedWhenAFetchBringsOtherCredentials()
    {
        Fetched f;
        auto &[provider, answers, broker] = f;
        QVERIFY(answers.count(1));
        provider->open(false);
        broker.fetch(); // say the token expired: this call runs the plugin
        QVERIFY(provider->inside(2));
        broker.refresh(1); // meanwhile a request sent with tok-1 got a 401
        provider->rotate();
        provider->open(true);
        QVERIFY(answers.count(2));
        QCOMPARE(answers.at(1).credentials->bearerToken, std::string("tok-2"));
        QCOMPARE(answers.at(1).generation, 2u); // the 401 waiter retries with this
        broker.fetch(); // the worker takes work in order: a refresh still queued would answer this
        QVERIFY(answers.count(3));
        QVERIFY(!answers.at(2).refresh);
        QCOMPARE(provider->forced(), 0);
    }

    void stopDuringACallReturnsAtOnceAndDeliversNothing()
    {
        auto provider = std::make_shared<GatedProvider>();
        std::weak_ptr<GatedProvider> alive = provider;
        auto answers = std::make_shared<Answers>();
        {
            CredentialBroker broker(provider, answers->deliver());
            broker.fetch();
            QVERIFY(provider->inside(1));
        } // ~CredentialBroker while the provider is still inside its call
        QCOMPARE(provider->calls(), 1);
        auto held = provider;
        provider.reset();
        held->open(true);
        QVERIFY(held->returned(1));
        held.reset();
        // The detached worker drops the provider once its call has returned.
        QDeadlineTimer deadline(10000);
        while (!alive.expired() && !deadline.hasExpired())
            QThread::msleep(2); // polling interval, not a wait for an outcome
        QVERIFY(alive.expired());
        QCOMPARE(int(answers->list.size()), 0);
    }
};

QTEST_GUILESS_MAIN(TestCredentialBroker)
#include "test_credential_broker.moc"
