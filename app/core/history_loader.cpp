#include "app/core/history_loader.h"

#include "app/core/recorder.h"

namespace hpascope {

namespace {

using Clock = std::chrono::steady_clock;

// Where a chart's line stops between two recorded samples no watch holds together: at the end
// of the watch that saw the first one (a moment after it when none did).
QDateTime gapAfter(const std::vector<TimeSpan> &watched, const QDateTime &previous, const QDateTime &next)
{
    for (const TimeSpan &w : watched)
        if (w.contains(previous))
            return std::min(std::max(w.to, previous.addMSecs(1)), next.addMSecs(-1));
    return previous.addMSecs(1);
}

QDateTime before(const QDateTime &now, std::chrono::hours window)
{
    return now.addSecs(-std::chrono::duration_cast<std::chrono::seconds>(window).count());
}

} // namespace

HistoryLoader::HistoryLoader(SeriesFeed *feed, EventStore *events, QObject *parent)
    : QObject(parent), m_feed(feed), m_events(events)
{
    m_slice.setSingleShot(true);
    m_slice.setInterval(0); // the next turn of the event loop, after what is waiting there
    connect(&m_slice, &QTimer::timeout, this, &HistoryLoader::feedSlice);
}

void HistoryLoader::attach(Recorder *recorder)
{
    if (recorder == m_recorder)
        return;
    if (m_recorder)
        disconnect(m_recorder, nullptr, this, nullptr);
    m_recorder = recorder;
    if (!recorder)
        return;
    connect(recorder, &Recorder::historyWatched, this, &HistoryLoader::onWatched);
    connect(recorder, &Recorder::historyEvents, this, &HistoryLoader::onEvents);
    connect(recorder, &Recorder::historySamples, this, &HistoryLoader::onSamples);
    connect(recorder, &Recorder::historyLoaded, this, &HistoryLoader::onLoaded);
    // A recorder destroyed mid-load sends nothing more: feed what came.
    connect(recorder, &QObject::destroyed, this, [this] { onLoaded(m_ticket); });
}

void HistoryLoader::reset()
{
    m_slice.stop();
    m_state = State::Idle;
    m_history.clear();
    m_watched.clear();
    m_coverage.clear();
    m_started.clear();
    m_ops.clear();
    m_cursor = 0;
    m_pendingEvents.clear();
    m_eventCursor = 0;
}

void HistoryLoader::begin(Recorder *recorder, quint64 ticket, const QString &namespaceName, const QDateTime &now)
{
    reset();
    attach(recorder);
    m_ticket = ticket;
    m_namespace = namespaceName;
    m_now = now;
    if (!recorder || !recorder->isOpen())
        return;
    if (m_blocking) {
        m_events->addHistory(recorder->loadEvents(namespaceName, before(now, kEventWindow), now));
        return;
    }
    m_state = State::Loading;
    recorder->requestHistory(ticket, namespaceName, before(now, kEventWindow), before(now, kSampleWindow), now);
}

void HistoryLoader::cancel()
{
    reset();
}

void HistoryLoader::onWatched(quint64 ticket, const std::vector<WatchedSpan> &spans)
{
    if (ticket != m_ticket || m_state != State::Loading)
        return;
    m_watched = spans;
    m_coverage.clear();
}

const std::vector<TimeSpan> &HistoryLoader::coverage(const QString &namespaceName)
{
    auto it = m_coverage.find(namespaceName);
    if (it == m_coverage.end())
        it = m_coverage.insert(namespaceName, coverageOf(m_watched, namespaceName));
    return *it;
}

void HistoryLoader::onEvents(quint64 ticket, const std::vector<EventRecord> &events)
{
    if (ticket != m_ticket || m_state != State::Loading)
        return;
    m_pendingEvents = events; // fed in batches: they do not wait for the samples
    m_eventCursor = 0;
    m_slice.start();
}

void HistoryLoader::onSamples(quint64 ticket, const SampleChunk &chunk)
{
    if (ticket != m_ticket || m_state != State::Loading || !chunk)
        return;
    const std::vector<HpaSample> &samples = *chunk;
    for (std::size_t begin = 0; begin < samples.size();) {
        std::size_t end = begin + 1;
        while (end < samples.size() && samples[end].name == samples[begin].name
               && samples[end].namespaceName == samples[begin].namespaceName)
            ++end;
        m_history.insert(samples[begin].key(), Range{chunk, begin, end});
        begin = end;
    }
    if (!m_ops.empty())
        m_slice.start(); // HPAs listed already can be fed while the rest loads
}

void HistoryLoader::onLoaded(quint64 ticket)
{
    if (ticket != m_ticket || m_state != State::Loading)
        return;
    m_state = State::Feeding;
    feedSlice();
}

void HistoryLoader::hpaListed(const QString &hpaKey)
{
    if (m_started.contains(hpaKey))
        return;
    m_started.insert(hpaKey);
    if (m_blocking)
        feedHistoryBlocking(hpaKey);
    else if (isBusy() || m_history.contains(hpaKey))
        enqueue({Op::Kind::History, hpaKey, {}, {}});
}

void HistoryLoader::add(const HpaSample &sample, const QDateTime &lastScaleTime)
{
    m_started.insert(sample.key()); // live from now on: no history after it
    if (isBusy())
        enqueue({Op::Kind::Add, {}, sample, lastScaleTime});
    else
        m_feed->add(sample, lastScaleTime);
}

void HistoryLoader::gap(const QDateTime &t)
{
    if (isBusy())
        enqueue({Op::Kind::Gap, {}, {}, t});
    else
        m_feed->gap(t);
}

void HistoryLoader::enqueue(Op op)
{
    m_ops.push_back(std::move(op));
    if (m_state == State::Idle)
        m_state = State::Feeding; // history for an HPA listed after the first list
    if (!m_slice.isActive())
        m_slice.start();
}

bool HistoryLoader::feedEvents(const Clock::time_point &deadline)
{
    while (m_eventCursor < m_pendingEvents.size()) {
        const auto from = m_pendingEvents.begin() + std::ptrdiff_t(m_eventCursor);
        const std::size_t n = std::min(kEventsPerBatch, m_pendingEvents.size() - m_eventCursor);
        m_events->addHistory(std::vector<EventRecord>(from, from + std::ptrdiff_t(n)));
        m_eventCursor += n;
        if (m_eventCursor < m_pendingEvents.size() && Clock::now() >= deadline)
            return false;
    }
    m_pendingEvents.clear();
    m_eventCursor = 0;
    return true;
}

void HistoryLoader::feedSlice()
{
    const auto deadline = Clock::now() + kSliceBudget;
    if (!feedEvents(deadline)) {
        m_slice.start();
        return;
    }
    while (!m_ops.empty()) {
        if (Clock::now() >= deadline) {
            m_slice.start();
            return;
        }
        const Op &op = m_ops.front();
        switch (op.kind) {
        case Op::Kind::History:
            // An HPA's history is whole once its chunk came (chunks never split one); until
            // the load ends, one that has not come may still be on its way: onSamples() or
            // onLoaded() picks up from here.
            if (m_state == State::Loading && !m_history.contains(op.key))
                return;
            if (!feedHistory(op.key, deadline)) {
                m_slice.start();
                return;
            }
            break;
        case Op::Kind::Add:
            m_feed->add(op.sample, op.time);
            break;
        case Op::Kind::Gap:
            m_feed->gap(op.time);
            break;
        }
        m_ops.pop_front();
        m_cursor = 0;
    }
    if (m_state != State::Feeding)
        return;
    m_state = State::Idle;
    emit applied(m_ticket);
}

bool HistoryLoader::feedHistory(const QString &key, const Clock::time_point &deadline)
{
    const auto it = m_history.constFind(key);
    if (it == m_history.cend())
        return true;
    const std::vector<HpaSample> &samples = *it->chunk;
    // A database from before coverage was recorded has none: its samples are drawn joined.
    const std::vector<TimeSpan> &watched = coverage(samples[it->begin].namespaceName);
    while (it->begin + m_cursor < it->end) {
        const HpaSample &sample = samples[it->begin + m_cursor];
        if (m_cursor > 0 && !watched.empty()) {
            // hpascope was not watching between the two: the line stops where its watch ended.
            const QDateTime previous = samples[it->begin + m_cursor - 1].time;
            if (!coveredTogether(watched, previous, sample.time))
                m_feed->gap(key, gapAfter(watched, previous, sample.time));
        }
        // Recorded samples carry no lastScaleTime: no scale marks from history.
        m_feed->add(sample, QDateTime());
        ++m_cursor;
        if (it->begin + m_cursor < it->end && Clock::now() >= deadline)
            return false;
    }
    // Then a gap for the time hpascope was not watching.
    m_feed->gap(key, samples[it->end - 1].time.addMSecs(1));
    m_history.erase(it);
    return true;
}

void HistoryLoader::feedHistoryBlocking(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    if (!m_recorder || !m_recorder->isOpen() || slash < 0)
        return;
    const auto samples = m_recorder->loadSamples(key.left(slash), key.mid(slash + 1), before(m_now, kSampleWindow), m_now);
    for (const HpaSample &s : samples)
        m_feed->add(s, QDateTime());
    if (!samples.empty())
        m_feed->gap(key, samples.back().time.addMSecs(1));
}

} // namespace hpascope
