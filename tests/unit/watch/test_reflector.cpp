// The reflector against the scripted HTTPS server: list + watch, chunk splits, bookmarks, 410,
// ERROR frames, dropped connections, backoff, state transitions and stop() guarantees.
#include "kube/watch/backoff.h"
#include "kube/watch/line_buffer.h"
#include "kube/watch/reflector.h"
#include "scripted_server.h"
#include "test_credentials.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <mutex>

using namespace kube;
using namespace kube::watch;
using namespace hpascope::test;
using nlohmann::json;

namespace {

const std::string kPath = "/apis/autoscaling/v2/horizontalpodautoscalers";

json hpa(const std::string &name, const std::string &rv, const std::string &note = "plain")
{
    return {{"apiVersion", "autoscaling/v2"}, {"kind", "HorizontalPodAutoscaler"},
            {"metadata", {{"name", name}, {"namespace", "default"}, {"resourceVersion", rv},
                          {"annotations", {{"note", note}}}}},
            {"spec", {{"minReplicas", 1}, {"maxReplicas", 5}}}};
}

json listBody(std::vector<json> items, const std::string &rv, const std::string &cont = {})
{
    for (auto &i : items) { // list items carry no kind/apiVersion on the wire
        i.erase("kind");
        i.erase("apiVersion");
    }
    json meta{{"resourceVersion", rv}};
    if (!cont.empty())
        meta["continue"] = cont;
    return {{"kind", "HorizontalPodAutoscalerList"}, {"apiVersion", "autoscaling/v2"}, {"metadata", meta}, {"items", items}};
}

std::string frame(const std::string &type, const json &obj)
{
    return json{{"type", type}, {"object", obj}}.dump() + "\n";
}

json bookmark(const std::string &rv)
{
    return {{"kind", "HorizontalPodAutoscaler"}, {"apiVersion", "autoscaling/v2"}, {"metadata", {{"resourceVersion", rv}}}};
}

json statusObj(int code, const std::string &reason, const std::string &message)
{
    return {{"kind", "Status"}, {"apiVersion", "v1"}, {"metadata", json::object()}, {"status", "Failure"},
            {"message", message}, {"reason", reason}, {"code", code}};
}

json route(const std::string &watchQuery, json responses, json extraQuery = json::object())
{
    json q = extraQuery;
    q["watch"] = watchQuery.empty() ? json(nullptr) : json(watchQuery);
    return {{"path", kPath}, {"query", q}, {"responses", responses}};
}

json hangForever()
{
    return {{"chunks", json::array()}, {"end", "hang"}};
}

// Everything the handlers saw, recorded from the network thread.
struct Recorder {
    mutable std::mutex mutex;
    std::vector<std::pair<EventType, std::string>> events; // type, name
    std::vector<std::string> notes;
    std::vector<std::vector<std::string>> syncs;            // names per onSynced
    std::vector<std::vector<std::string>> syncTypes;        // "apiVersion kind" per onSynced
    std::vector<ConnectionState> states;
    int withManagedFields = 0; // objects handed over that still carried metadata.managedFields

    Reflector::Handler handler()
    {
        Reflector::Handler h;
        h.onEvent = [this](EventType t, const json &obj) {
            std::lock_guard lock(mutex);
            withManagedFields += obj["metadata"].contains("managedFields");
            events.emplace_back(t, obj["metadata"]["name"].get<std::string>());
            notes.push_back(obj["metadata"]["annotations"]["note"].get<std::string>());
        };
        h.onSynced = [this](const std::vector<json> &items) {
            std::lock_guard lock(mutex);
            std::vector<std::string> names, types;
            for (const auto &i : items) {
                withManagedFields += i["metadata"].contains("managedFields");
                names.push_back(i["metadata"]["name"].get<std::string>());
                types.push_back(i.value("apiVersion", "") + " " + i.value("kind", ""));
            }
            syncs.push_back(names);
            syncTypes.push_back(types);
        };
        h.onState = [this](const ConnectionState &s) {
            std::lock_guard lock(mutex);
            states.push_back(s);
        };
        return h;
    }
    int eventCount() const
    {
        std::lock_guard lock(mutex);
        return int(events.size());
    }
    int syncCount() const
    {
        std::lock_guard lock(mutex);
        return int(syncs.size());
    }
    bool sawState(ConnectionState::Kind k, const std::string &reasonPart = {}) const
    {
        std::lock_guard lock(mutex);
        for (const auto &s : states)
            if (s.kind == k && s.reason.find(reasonPart) != std::string::npos)
                return true;
        return false;
    }
    ConnectionState::Kind lastState() const
    {
        std::lock_guard lock(mutex);
        return states.empty() ? ConnectionState::Kind::Connecting : states.back().kind;
    }
};

} // namespace

class TestReflector : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_server;
    std::shared_ptr<http::Client> m_client;

    int m_run = 0;

    // Each test function marks its requests with a unique label selector, so a late log line
    // from an earlier test's reflector cannot be mistaken for one of this test's requests.
    std::string marker() const { return "run%3Dr" + std::to_string(m_run) + "x"; }
    ReflectorOptions fastOptions() const
    {
        ReflectorOptions o;
        o.path = kPath;
        o.labelSelector = "run=r" + std::to_string(m_run) + "x";
        o.initialBackoff = std::chrono::milliseconds(20);
        o.maxBackoff = std::chrono::milliseconds(100);
        return o;
    }
    std::vector<std::string> paths(bool watches)
    {
        std::vector<std::string> out;
        for (const auto &r : m_server.requests())
            if (r.path.find(marker()) != std::string::npos && (r.path.find("watch=1") != std::string::npos) == watches)
                out.push_back(r.path);
        return out;
    }
    std::vector<std::string> watchPaths() { return paths(true); }
    int listCount() { return int(paths(false).size()); }
    // A silent watch probed after 150 ms, the probe given 200 ms.
    ReflectorOptions probingOptions() const
    {
        ReflectorOptions o = fastOptions();
        o.silenceProbe = std::chrono::milliseconds(150);
        o.probeTimeout = std::chrono::milliseconds(200);
        return o;
    }
    std::vector<std::string> probePaths()
    {
        std::vector<std::string> out = paths(false);
        std::erase_if(out, [](const std::string &p) { return p.find("?limit=1&") == std::string::npos; });
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_server.startWithNewCertificates(m_certs, m_tmp.filePath(QStringLiteral("certs")), &error),
                 qPrintable(error));
        auto client = http::Client::create(restConfigFor(m_server, m_certs));
        QVERIFY(client.ok());
        m_client = client.value();
    }

    void init()
    {
        ++m_run;
        m_server.clearRequests();
    }

    void lineBufferSplits()
    {
        LineBuffer b;
        QVERIFY(b.feed("{\"a\"").empty());
        auto lines = b.feed(":1}\r\n{\"b\":2}\n\n{\"c\"");
        QCOMPARE(lines, (std::vector<std::string>{"{\"a\":1}", "{\"b\":2}"}));
        QCOMPARE(b.pending(), std::size_t(4));
        QCOMPARE(b.feed(":3}\n"), (std::vector<std::string>{"{\"c\":3}"}));
    }

    void backoffGrowsWithJitterAndResets()
    {
        using namespace std::chrono;
        Backoff b(milliseconds(800), milliseconds(30000), milliseconds(120000));
        auto t = Backoff::Clock::now();
        const long long bases[] = {800, 1600, 3200, 6400, 12800, 25600, 30000, 30000};
        for (long long base : bases) {
            auto d = b.next(t).count();
            QVERIFY2(d >= base && d < 2 * base, qPrintable(QString::number(d)));
            t += milliseconds(10);
        }
        auto d = b.next(t + minutes(3)).count(); // healthy for longer than resetAfter
        QVERIFY(d >= 800 && d < 1600);
        QCOMPARE(b.attempt(), 1);
    }

    void listThenWatch()
    {
        json routes = json::array({
            route("", {{{"json", listBody({hpa("a", "5"), hpa("b", "6")}, "ignored", "tok1")}}}, {{"continue", nullptr}}),
            route("", {{{"json", listBody({hpa("c", "7")}, "10")}}}, {{"continue", "tok1"}}),
            route("1", {{{"chunks", {frame("ADDED", hpa("d", "11")), frame("MODIFIED", hpa("a", "12", "changed")),
                                     frame("DELETED", hpa("b", "13")), frame("BOOKMARK", bookmark("20"))}},
                         {"end", "hang"}}}),
        });
        QVERIFY(m_server.setRoutes(routes));
        Recorder rec;
        auto opts = fastOptions();
        opts.listPageSize = 2;
        Reflector r(m_client, opts, rec.handler());
        r.start();
        QVERIFY(waitUntil([&] { return rec.eventCount() == 3 && r.lastResourceVersion() == "20"; }));
        {
            std::lock_guard lock(rec.mutex);
            QCOMPARE(rec.syncs.size(), std::size_t(1));
            QCOMPARE(rec.syncs[0], (std::vector<std::string>{"a", "b", "c"}));
            // Filled in from the list's kind and apiVersion: list items carry neither.
            QCOMPARE(rec.syncTypes[0], std::vector<std::string>(3, "autoscaling/v2 HorizontalPodAutoscaler"));
            QCOMPARE(rec.events[0], std::make_pair(EventType::Added, std::string("d")));
            QCOMPARE(rec.events[1], std::make_pair(EventType::Modified, std::string("a")));
            QCOMPARE(rec.events[2], std::make_pair(EventType::Deleted, std::string("b")));
            QCOMPARE(rec.notes[1], std::string("changed"));
            QCOMPARE(rec.states.front().kind, ConnectionState::Kind::Connecting);
            QCOMPARE(rec.states.back().kind, ConnectionState::Kind::Live);
        }
        using Versions = std::map<std::string, std::string>;
        QCOMPARE(r.versions(), (Versions{{"default/a", "12"}, {"default/c", "7"}, {"default/d", "11"}}));
        auto lists = paths(false);
        QCOMPARE(lists.size(), std::size_t(2));
        QCOMPARE(lists[0], kPath + "?limit=2&labelSelector=" + marker());
        QCOMPARE(lists[1], kPath + "?limit=2&labelSelector=" + marker() + "&continue=tok1");
        QCOMPARE(watchPaths().size(), std::size_t(1));
        const std::string w = watchPaths()[0];
        QVERIFY2(w.find("watch=1") != std::string::npos && w.find("resourceVersion=10&") != std::string::npos
                     && w.find("allowWatchBookmarks=true") != std::string::npos,
                 w.c_str());
        const int timeout = std::stoi(w.substr(w.find("timeoutSeconds=") + 15));
        QVERIFY(timeout >= 300 && timeout < 600);
        r.stop();
    }

    void handlersNeverSeeManagedFields()
    {
        auto managed = [](json obj) {
            obj["metadata"]["managedFields"] = json::array({{{"manager", "kubectl"}, {"operation", "Apply"},
                                                             {"fieldsType", "FieldsV1"}, {"fieldsV1", {{"f:spec", json::object()}}}}});
            return obj;
        };
        json routes = json::array({
            route("", {{{"json", listBody({managed(hpa("a", "5"))}, "10")}}}),
            route("1", {{{"chunks", {frame("MODIFIED", managed(hpa("a", "11")))}}, {"end", "hang"}}}),
        });
        QVERIFY(m_server.setRoutes(routes));
        Recorder rec;
        Reflector r(m_client, fastOptions(), rec.handler());
        r.start();
        QVERIFY(waitUntil([&] { return rec.syncCount() == 1 && rec.eventCount() == 1; }));
        std::lock_guard lock(rec.mutex);
        QCOMPARE(rec.withManagedFields, 0);
        QCOMPARE(rec.notes[0], std::string("plain")); // the rest of metadata is intact
    }

    void awkwardSplits_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("one byte at a time") << "splitEvery";
        QTest::newRow("mid-UTF-8 and mid-line") << "splitAt";
        QTest::newRow("several frames in one chunk") << "chunks";
    }
    void awkwardSplits()
    {
        QFETCH(QString, mode);
        const std::string unicode = "d\xc3\xa9j\xc3\xa0 vu \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x9a\x80"; // déjà vu 日本 🚀
        std::string body = frame("ADDED", hpa("x", "11", unicode)) + frame("MODIFIED", hpa("x", "12", unicode + "!"))
            + frame("ADDED", hpa("y", "13"));
        json resp{{"body", body}, {"end", "hang"}};
        if (mode == QStringLiteral("splitEvery")) {
            resp["splitEvery"] = 1;
            resp["chunkDelayMs"] = 1;
        } else if (mode == QStringLiteral("splitAt")) {
            const auto utf8 = body.find("\xc3\xa9") + 1;  // inside é
            const auto emoji = body.find("\xf0\x9f") + 2; // inside the 4-byte rocket
            const auto line = body.find('\n') - 3;        // inside the first frame's tail
            resp["splitAt"] = {utf8, emoji, line, body.find('\n') + 1, body.size() - 1};
            resp["chunkDelayMs"] = 20;
        } else {
            resp["chunks"] = {body};
        }
        QVERIFY(m_server.setRoutes(json::array({route("", {{{"json", listBody({}, "10")}}}), route("1", {resp})})));
        Recorder rec;
        Reflector r(m_client, fastOptions(), rec.handler());
        r.start();
        QVERIFY(waitUntil([&] { return rec.eventCount() == 3; }));
        std::lock_guard lock(rec.mutex);
        QCOMPARE(rec.notes[0], unicode);
        QCOMPARE(rec.notes[1], unicode + "!");
        QCOMPARE(rec.events[2].second, std::string("y"));
        QCOMPARE(r.lastResourceVersion(), std::string("13"));
    }

    void cleanEndRewatchesFromBookmark()
    {
        QVERIFY(m_server.setRoutes(json::array({
            route("", {{{"json", listBody({hpa("a", "5")}, "10")}}}),
            route("1", {{{"chunks", {frame("BOOKMARK", bookmark("50"))}}}, hangForever()}),
        })));
        Recorder rec;
        Reflector r(m_client, fastOptions(), rec.handler());
        r.start();
        QVERIFY(waitUntil([&] { return watchPaths().size() == 2; }));
        QVERIFY2(watchPaths()[1].find("resourceVersion=50&") != std::string::npos, watchPaths()[1].c_str());
        QCOMPARE(listCount(), 1);
        QCOMPARE(rec.eventCount(), 0); // bookmarks only move the resourceVersion
        QCOMPARE(rec.syncCount(), 1);
        QVERIFY(!rec.sawState(ConnectionState::Kind::BackingOff));
    }

    void goneRelists_data()
    {
        QTest::addColumn<bool>("asFrame");
        QTest::newRow("410 answer to the watch request") << false;
        QTest::newRow("ERROR frame with code 410") << true;
    }
    void goneRelists()
    {
        QFETCH(bool, asFrame);
        json gone = statusObj(410, "Expired", "too old resource version: 10 (40)");
        json first = asFrame ? json{{"chunks", {frame("ADDED", hpa("b", "11")), frame("ERROR", gone)}}, {"end", "hang"}}
                             : json{{"status", 410}, {"json", gone}};
        QVERIFY(m_server.setRoutes(json::array({
            route("", {{{"json", listBody({hpa("a", "5")}, "10")}}, {{"json", listBody({hpa("a", "5"), hpa("c", "41")}, "42")}}}),
            route("1", {first, hangForever()}),
        })));
        Recorder rec;
        Reflector r(m_client, fastOptions(), rec.handler());
        r.start();
        QVERIFY(waitUntil([&] { return rec.syncCount() == 2 && watchPaths().size() == 2; }));
        std::lock_guard lock(rec.mutex);
        QCOMPARE(rec.syncs[1], (std::vector<std::string>{"a", "c"}));
        // b is gone with the relist
        QCOMPARE(r.versions(), (std::map<std::string, std::string>{{"default/a", "5"}, {"default/c", "41"}}));
        QVERIFY(watchPaths()[1].find("resourceVersion=42&") != std::string::npos);
        for (const auto &s : rec.states)
            QVERIFY(s.kind != ConnectionState::Kind::BackingOff); // relist at once, no backoff
        // Said with a message id the UI words in its language, on that state only.
        const auto relisting = std::count_if(rec.states.begin(), rec.states.end(), [](const ConnectionState &s) {
            return s.kind == ConnectionState::Kind::Connecting && s.relistCause == kRelistWatchExpired;
        });
        QCOMPARE(relisting, 1);
        QVERIFY(rec.states.back().relistCause.empty());
    }

    void droppedConnectionBacksOffAndResumes()
    {
        QVERIFY(m_server.setRoutes(json::array({
            route("", {{{"json", listBody({hpa("a", "5")}, "10")}}}),
            route("1", {{{"chunks", {frame("ADDED", hpa("b", "11"))}}, {"end", "close"}},
                        {{"chunks", {frame("MODIFIED", hpa("b", "12"))}}, {"end", "hang"}}}),
        })));
        Recorder rec;
        Reflector r(m_client, fastOptions(), rec.handler());
        r.start();
        QVERIFY(waitUntil([&] { return rec.eventCount() == 2; }));
        QVERIFY(rec.sawState(ConnectionState::Kind::BackingOff, "interrupted"));
        QCOMPARE(listCount(), 1);
        QVERIFY(watchPaths()[1].find("resourceVersion=11&") != std::string::npos);
        QVERIFY(waitUntil([&] { return rec.lastState() == ConnectionState::Kind::Live; }));
        std::lock_guard lock(rec.mutex);
        // Connecting → Live → BackingOff → Connecting → Live
        std::vector<ConnectionState::Kind> kinds;
        for (const auto &s : rec.states)
            kinds.push_back(s.kind);
        using K = ConnectionState::Kind;
        QCOMPARE(kinds, (std::vector<K>{K::Connecting, K::Live, K::BackingOff, K::Connecting, K::Live}));
        QCOMPARE(rec.states[2].attempt, 1);
        QVERIFY(rec.states[2].nextRetry > std::chrono::system_clock::time_point{});
    }

    void aHealthyWatchStartsTheBackoffOver()
    {
        // Four watches, each live for ~150 ms and then dropped: with healthyAfter 50 ms every
        // retry is a first attempt (200-400 ms), never the 800-1600 ms of a fourth.
        json responses = json::array();
        for (int i = 0; i < 4; ++i)
            responses.push_back({{"chunks", {frame("MODIFIED", hpa("b", std::to_string(11 + i)))}},
                                 {"chunkDelayMs", 150}, {"end", "close"}});
        responses.push_back(hangForever());
        QVERIFY(m_server.setRoutes(json::array({route("", {{{"json", listBody({hpa("b", "10")}, "10")}}}),
                                                route("1", responses)})));
        ReflectorOptions o = fastOptions();
        o.initialBackoff = std::chrono::milliseconds(200);
        o.maxBackoff = std::chrono::milliseconds(10000);
        o.healthyAfter = std::chrono::milliseconds(50);
        Recorder rec;
        Reflector r(m_client, o, rec.handler());
        r.start();
        QVERIFY(waitUntil([&] { return watchPaths().size() == 5; }, 20000));
        r.stop();
        std::lock_guard lock(rec.mutex);
        int backoffs = 0;
        for (const auto &s : rec.states)
            if (s.kind == ConnectionState::Kind::BackingOff) {
                ++backoffs;
                QCOMPARE(s.attempt, 1);
            }
        QCOMPARE(backoffs, 4);
    }

    void aSilentWatchIsProbed()
    {
        // The watch sends nothing; each probe (a one-item list) is answered: the watch stays
        // live, and a probe goes out every silenceProbe.
        QVERIFY(m_server.setRoutes(json::array({route("", {{{"json", listBody({hpa("a", "5")}, "10")}}}),
                                                route("1", {hangForever()})})));
        Recorder rec;
        Reflector r(m_client, probingOptions(), rec.handler());
        r.start();
        QVERIFY(waitUntil([&] { return probePaths().size() >= 3; }));
        r.stop();
        QVERIFY2(probePaths().front().find("limit=1") != std::string::npos, probePaths().front().c_str());
        QCOMPARE(int(watchPaths().size()), 1);
        std::lock_guard lock(rec.mutex);
        for (const auto &s : rec.states)
            QVERIFY2(s.kind != ConnectionState::Kind::BackingOff, s.reason.c_str());
    }

    void aFrozenServerEndsTheWatch()
    {
        // The watch goes silent and the probe hangs too (the API server was stopped): after
        // silenceProbe + probeTimeout the watch fails as Unresponsive and is resumed.
        QVERIFY(m_server.setRoutes(json::array({
            route("", {{{"json", listBody({hpa("a", "5")}, "10")}}, hangForever()}),
            route("1", {hangForever(), {{"chunks", {frame("MODIFIED", hpa("a", "6"))}}, {"end", "hang"}}}),
        })));
        Recorder rec;
        Reflector r(m_client, probingOptions(), rec.handler());
        r.start();
        QVERIFY(waitUntil([&] { return rec.sawState(ConnectionState::Kind::BackingOff, "stopped answering"); }));
        QVERIFY(waitUntil([&] { return rec.eventCount() == 1; })); // the second watch's event
        r.stop();
        QCOMPARE(int(watchPaths().size()), 2);
        QVERIFY2(watchPaths()[1].find("resourceVersion=10&") != std::string::npos, watchPaths()[1].c_str());
    }

    void anOversizedFrameEndsTheWatch()
    {
        // A frame far over the limit (64 KiB of one line, never ended): the watch ends as
        // undecodable instead of buffering on, and is started again.
        QVERIFY(m_server.setRoutes(json::array({
            route("", {{{"json", listBody({hpa("a", "5")}, "10")}}}),
            route("1", {{{"chunks", {std::string(64 << 10, 'x')}}, {"end", "hang"}}, hangForever()}),
        })));
        ReflectorOptions o = fastOptions();
        o.maxFrameBytes = 16 << 10;
        Recorder rec;
        Reflector r(m_client, o, rec.handler());
        r.start();
        QVERIFY(waitUntil([&] { return rec.sawState(ConnectionState::Kind::BackingOff, "the limit is 16 KiB"); }));
        QVERIFY(waitUntil([&] { return watchPaths().size() == 2; }));
        r.stop();
    }

    void otherErrorFrameBacksOff()
    {
        QVERIFY(m_server.setRoutes(json::array({
            route("", {{{"json", listBody({}, "10")}}}),
            route("1", {{{"chunks", {frame("ADDED", hpa("b", "11")),
                                     frame("ERROR", statusObj(500, "InternalError", "etcd leader changed"))}},
                         {"end", "hang"}},
                        hangForever()}),
        })));
        Recorder rec;
        Reflector r(m_client, fastOptions(), rec.handler());
        r.start();
        QVERIFY(waitUntil([&] { return watchPaths().size() == 2; }));
        QVERIFY(rec.sawState(ConnectionState::Kind::BackingOff, "internal server error: etcd leader changed"));
        QVERIFY(watchPaths()[1].find("resourceVersion=11&") != std::string::npos);
        QCOMPARE(listCount(), 1);
    }

    // Members of unexpected types (a list's kind null, its apiVersion a number, an ERROR frame's
    // code a string) threw nlohmann::type_error out of the network thread's callback, which
    // ended the process: now the list is read without them and the frame backs off as an error.
    void wrongTypedMembersDoNotThrow()
    {
        json list = listBody({hpa("a", "5")}, "10");
        list["kind"] = nullptr;
        list["apiVersion"] = 2;
        json gone = statusObj(410, "Expired", "too old resource version");
        gone["code"] = "410";
        QVERIFY(m_server.setRoutes(json::array({
            route("", {{{"json", list}}}),
            route("1", {{{"chunks", {frame("ERROR", gone)}}, {"end", "hang"}}, hangForever()}),
        })));
        Recorder rec;
        Reflector r(m_client, fastOptions(), rec.handler());
        r.start();
        QVERIFY(waitUntil([&] { return rec.sawState(ConnectionState::Kind::BackingOff, "too old resource version"); }));
        r.stop();
        QCOMPARE(rec.syncTypes.front(), std::vector<std::string>{" "}); // neither filled in
    }

    void refusedConnectionIsProbedWithoutGrowingTheBackoff()
    {
        // Nothing listens on port 1: each retry must come within the probe interval (+25 %
        // jitter), never at the exponential backoff's 1.6, 3.2, 6.4 ... s.
        auto config = restConfigFor(m_server, m_certs);
        config.server = "https://127.0.0.1:1";
        auto client = http::Client::create(config);
        QVERIFY(client.ok());
        ReflectorOptions o = fastOptions();
        o.initialBackoff = std::chrono::milliseconds(800);
        o.maxBackoff = std::chrono::milliseconds(30000);
        o.refusedProbe = std::chrono::milliseconds(100);
        Recorder rec;
        std::vector<std::chrono::milliseconds> delays;
        Reflector::Handler h = rec.handler();
        h.onState = [&](const ConnectionState &s) {
            std::lock_guard lock(rec.mutex);
            rec.states.push_back(s);
            if (s.kind == ConnectionState::Kind::BackingOff)
                delays.push_back(std::chrono::duration_cast<std::chrono::milliseconds>(
                    s.nextRetry - std::chrono::system_clock::now()));
        };
        Reflector r(client.value(), o, h);
        r.start();
        QVERIFY(waitUntil([&] {
            std::lock_guard lock(rec.mutex);
            return delays.size() >= 6;
        }));
        r.stop();
        QVERIFY(rec.sawState(ConnectionState::Kind::BackingOff, "connection refused"));
        std::lock_guard lock(rec.mutex);
        for (const auto d : delays)
            QVERIFY2(d <= std::chrono::milliseconds(126), std::to_string(d.count()).c_str());
    }

    void forbiddenShowsErrorAndKeepsRetrying()
    {
        json denied = statusObj(403, "Forbidden",
                                "horizontalpodautoscalers.autoscaling is forbidden: User \"alice\" cannot list resource "
                                "\"horizontalpodautoscalers\" in API group \"autoscaling\" at the cluster scope");
        QVERIFY(m_server.setRoutes(json::array({
            route("", {{{"status", 403}, {"json", denied}}, {{"json", listBody({hpa("a", "5")}, "10")}}}),
            route("1", {hangForever()}),
        })));
        Recorder rec;
        Reflector r(m_client, fastOptions(), rec.handler());
        r.start();
        QVERIFY(waitUntil([&] { return rec.syncCount() == 1; }));
        QVERIFY(rec.sawState(ConnectionState::Kind::Error,
                             "forbidden: cannot list horizontalpodautoscalers.autoscaling at the cluster scope (RBAC)"));
        QVERIFY(waitUntil([&] { return rec.lastState() == ConnectionState::Kind::Live; }));
    }

    void selectorsAreEncoded()
    {
        QVERIFY(m_server.setRoutes(json::array({route("", {{{"json", listBody({}, "10")}}}), route("1", {hangForever()})})));
        Recorder rec;
        auto opts = fastOptions();
        opts.labelSelector = "app in (web,api)";
        opts.fieldSelector = "metadata.namespace!=kube-system";
        Reflector r(m_client, opts, rec.handler());
        r.start();
        const std::string sel = "&labelSelector=app%20in%20%28web%2Capi%29&fieldSelector=metadata.namespace%21%3Dkube-system";
        auto withSel = [&](bool watch) {
            int n = 0;
            for (const auto &req : m_server.requests())
                n += req.path.find(sel) != std::string::npos && (req.path.find("watch=1") != std::string::npos) == watch;
            return n;
        };
        QVERIFY(waitUntil([&] { return withSel(true) == 1; }));
        QCOMPARE(withSel(false), 1);
    }

    void stopGuarantees_data()
    {
        QTest::addColumn<bool>("fromHandler");
        QTest::newRow("stop from the test thread") << false;
        QTest::newRow("stop inside onEvent") << true;
    }
    void stopGuarantees()
    {
        QFETCH(bool, fromHandler);
        std::string body;
        for (int i = 0; i < 200; ++i)
            body += frame("ADDED", hpa("h" + std::to_string(i), std::to_string(100 + i)));
        QVERIFY(m_server.setRoutes(json::array({
            route("", {{{"json", listBody({}, "10")}}}),
            route("1", {{{"body", body}, {"splitEvery", 200}, {"chunkDelayMs", 5}, {"end", "hang"}}}),
        })));
        Recorder rec;
        auto r = std::make_unique<Reflector>(m_client, fastOptions(), Reflector::Handler{});
        auto h = rec.handler();
        auto onEvent = h.onEvent;
        std::atomic<bool> stopped{false};
        std::atomic<int> afterStop{0};
        h.onEvent = [&, onEvent](EventType t, const json &obj) {
            if (stopped)
                ++afterStop;
            onEvent(t, obj);
            if (fromHandler && rec.eventCount() == 5) {
                r->stop();
                stopped = true;
            }
        };
        r = std::make_unique<Reflector>(m_client, fastOptions(), h);
        r->start();
        QVERIFY(waitUntil([&] { return rec.eventCount() >= 5; }));
        if (!fromHandler) {
            r->stop();
            stopped = true;
        }
        const int seen = rec.eventCount();
        // Nothing may arrive after stop(): give the stream time to deliver more if it could.
        QVERIFY(!waitUntil([&] { return rec.eventCount() > seen; }, 300));
        QCOMPARE(afterStop.load(), 0);
        r.reset(); // destroying a stopped reflector is fine too
    }

    void destroyWhileStreaming()
    {
        QVERIFY(m_server.setRoutes(json::array({route("", {{{"json", listBody({}, "10")}}}), route("1", {hangForever()})})));
        Recorder rec;
        {
            Reflector r(m_client, fastOptions(), rec.handler());
            r.start();
            QVERIFY(waitUntil([&] { return watchPaths().size() == 1; }));
        }
        const int states = [&] { std::lock_guard l(rec.mutex); return int(rec.states.size()); }();
        QVERIFY(!waitUntil([&] { std::lock_guard l(rec.mutex); return int(rec.states.size()) > states; }, 200));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.stop();
    }
};

QTEST_GUILESS_MAIN(TestReflector)
#include "test_reflector.moc"
