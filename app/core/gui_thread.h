#pragma once
// The one way back to the GUI thread. kube/ calls its handlers on the network thread; an owner
// (a QObject living on the GUI thread) hands them a GuiThreadGuard made for the current
// generation of its work, and every result comes back through post():
//   - the function runs on the GUI thread, queued behind what is already there;
//   - it runs only if, by then, the owner still exists and its generation has not moved on
//     (a new connection or a stop() drops whatever of the old one is still on its way).
// The shape of Hotspot's JobTracker: a QPointer context, a generation, one queued invoke. The
// post goes through the application object, which outlives every owner, so a late result never
// touches a destroyed owner, not even to queue itself; the generation counter is read on the GUI
// thread only, after the owner is known to be alive.
#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

#include <utility>

namespace hpascope {

class GuiThreadGuard {
public:
    // Made on the GUI thread. *generation is the owner's counter (a member of owner).
    GuiThreadGuard(QObject *owner, const quint64 *generation)
        : m_owner(owner), m_counter(generation), m_generation(*generation)
    {
    }

    quint64 generation() const { return m_generation; }

    // Callable from any thread.
    template <typename Fn>
    void post(Fn &&fn) const
    {
        QCoreApplication *app = QCoreApplication::instance();
        if (!app)
            return; // shutting down: nobody is left to show the result
        QMetaObject::invokeMethod(
            app,
            [owner = m_owner, counter = m_counter, generation = m_generation, fn = std::forward<Fn>(fn)]() mutable {
                if (owner && *counter == generation)
                    fn();
            },
            Qt::QueuedConnection);
    }

private:
    QPointer<QObject> m_owner;
    const quint64 *m_counter;
    quint64 m_generation;
};

} // namespace hpascope
