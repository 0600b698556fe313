#pragma once
// The pods of HPA scale targets, found as the HPA controller finds them: the target's Scale
// subresource gives status.selector (horizontal.go validateAndParseSelector: an empty one selects
// nothing), matched client-side against the pods of the target's namespace
// (podLister.Pods(ns).List(selector)), so one pod watch per namespace serves every target in it.
// Plain C++ without threads: its owner feeds it the Scale answers and the pod watches' lists and
// events, all from one thread, and asks it which pods a per-pod push writes to.
#include "kube/api/hpa.h"
#include "kube/api/pod.h"
#include "kube/core/result.h"
#include "kube/metrics/selector.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kube::http { class Client; }

namespace kube::metrics {

// GET the target's Scale subresource; `done` runs on the client's thread with status.selector
// (possibly empty) or why it could not be read. An error returned here (no Scale path for the
// target's kind) means nothing was sent and `done` never runs.
Status fetchScaleSelector(http::Client &client, const std::string &ns, const api::CrossVersionObjectReference &target,
                          std::function<void(Result<std::string>)> done);
// status.selector of a Scale answer's body. Errors: Kind::Decode.
Result<std::string> scaleSelectorOf(const std::string &body);

// Where the pods of one target stand for a per-pod push.
struct WriteTargets {
    enum class State {
        Waiting,      // the Scale selector or the namespace's pod list has not arrived yet
        LookupFailed, // the Scale lookup failed: `error`
        NoPods,       // the selector (maybe empty or unparsable) matches no pod that takes a value
        Ready,        // write to `pods`
    };
    State state = State::Waiting;
    std::string selector;          // status.selector, once known
    std::string error;             // LookupFailed
    std::vector<std::string> pods; // Ready: sorted by name (kube::api::takesWrittenValue)
};

class TargetPodIndex {
public:
    // "ns/apiVersion/Kind/name"
    static std::string keyOf(const std::string &ns, const api::CrossVersionObjectReference &target);

    // Starts following the target; true when a Scale lookup should start (a new target, or its
    // last lookup failed). A lookup in flight or a known selector is not repeated.
    bool track(const std::string &ns, const api::CrossVersionObjectReference &target);
    // Forgets the target; true when no target is left in `ns` (its pods are dropped: stop its watch).
    bool untrack(const std::string &ns, const api::CrossVersionObjectReference &target);
    // A Scale lookup answered; false when the target is no longer followed (the answer is stale).
    bool setSelector(const std::string &key, const Result<std::string> &selector);
    void clear();

    std::optional<std::string> selectorOf(const std::string &key) const;
    std::optional<std::string> lookupError(const std::string &key) const;

    // A pod list of `ns` replaces what was known; an event adds, replaces or removes one pod.
    // Both are dropped for a namespace without a followed target.
    void setPods(const std::string &ns, std::vector<api::Pod> pods);
    void applyEvent(const std::string &ns, bool deleted, api::Pod pod);
    bool isListed(const std::string &ns) const; // the namespace's pod list has arrived

    // The target's pods, sorted by name; none until its selector and its namespace's pods are
    // known, and none for an empty selector.
    std::vector<const api::Pod *> podsOf(const std::string &key) const;
    // Pods of `ns` matching a selector string; an unparsable selector matches nothing.
    std::vector<const api::Pod *> podsMatching(const std::string &ns, const std::string &selector) const;
    WriteTargets writeTargets(const std::string &key) const;

private:
    struct Target {
        std::string ns;
        std::optional<std::string> selector;
        std::optional<std::string> error;
    };
    struct Namespace {
        bool listed = false;
        std::map<std::string, api::Pod> pods; // by name: sorted
        std::set<std::string> targets;
    };
    std::map<std::string, Target> m_targets;
    std::map<std::string, Namespace> m_namespaces;
};

} // namespace kube::metrics
