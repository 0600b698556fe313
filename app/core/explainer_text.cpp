#include "app/core/explainer_text.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace hpascope {

namespace {

struct Entry {
    const char *id;
    const char *english;
};

// The same templates as kube/hpa/explainer_messages.cpp, here so that Qt's tools see them
// (test_explainer_text checks that the two tables agree).
const std::vector<Entry> &table()
{
    static const std::vector<Entry> entries = {
        {"unsynced", QT_TRANSLATE_NOOP("Explainer", "The controller has not synced this HPA yet.")},
        {"target.unavailable", QT_TRANSLATE_NOOP("Explainer", "The controller cannot read the scale of its target %1: %2. Check that %3 exists " "in namespace %4 (kubectl get %3 -n %4).")},
        {"rescale.failed", QT_TRANSLATE_NOOP("Explainer", "The controller could not change the replicas of %1: %2.")},
        {"scaling.disabled", QT_TRANSLATE_NOOP("Explainer", "Autoscaling is off: %1 has 0 replicas, and the controller leaves a target at zero " "alone while minReplicas is %2. Scale it above 0 to resume.")},
        {"metric.unavailable", QT_TRANSLATE_NOOP("Explainer", "Metric unavailable (%1): %2.")},
        {"scaling.inactive", QT_TRANSLATE_NOOP("Explainer", "Scaling is not active (%1): %2.")},
        {"invalid.blocks.down", QT_TRANSLATE_NOOP("Explainer", "While a metric is unavailable the controller never scales down; it still scales up " "on the metrics it can read.")},
        {"metric.within", QT_TRANSLATE_NOOP("Explainer", "Metric %1 is %2 vs target %3 (ratio %4, within the %5 tolerance): replicas stay at %6.")},
        {"metric.outside", QT_TRANSLATE_NOOP("Explainer", "Metric %1 is %2 vs target %3 (ratio %4, outside the %5 tolerance): replicas %6 \u2192 %7.")},
        {"metric.outside.kept", QT_TRANSLATE_NOOP("Explainer", "Metric %1 is %2 vs target %3 (ratio %4, outside the %5 tolerance), but counting " "the pods without a value keeps the replicas at %6.")},
        {"metric.outside.rounded", QT_TRANSLATE_NOOP("Explainer", "Metric %1 is %2 vs target %3 (ratio %4, outside the %5 tolerance), but the " "controller rounds up: %4 \u00d7 %6 replicas is still %6 after rounding up, so " "replicas stay at %6.")},
        {"metric.novalue", QT_TRANSLATE_NOOP("Explainer", "Metric %1 has no current value yet.")},
        {"pods.missing", QT_TRANSLATE_NOOP("Explainer", "%1 of %2 pods have no value of %3: the controller counts them as 0 on scale-up and as " "at target on scale-down.")},
        {"winner", QT_TRANSLATE_NOOP("Explainer", "The largest proposal wins: %2 asks for %1.")},
        {"limit.max", QT_TRANSLATE_NOOP("Explainer", "At maxReplicas %1: the metrics ask for %2.")},
        {"limit.min", QT_TRANSLATE_NOOP("Explainer", "At minReplicas %1: the metrics ask for %2.")},
        {"limit.max.window", QT_TRANSLATE_NOOP("Explainer", "At maxReplicas %1: a higher recommendation of the stabilization window still " "counts (the metrics now ask for %2).")},
        {"limit.min.window", QT_TRANSLATE_NOOP("Explainer", "At minReplicas %1: a lower recommendation of the stabilization window still " "counts (the metrics now ask for %2).")},
        {"limit.up.policy", QT_TRANSLATE_NOOP("Explainer", "Scale-up is limited by policy %1 per %2 s (selectPolicy %3): the metrics ask for %4, " "this period allows %5.")},
        {"limit.up.legacy", QT_TRANSLATE_NOOP("Explainer", "Scale-up is limited to %1 per sync (max(2 \u00d7 %2, 4), the rule while " "spec.behavior is unset): the metrics ask for %3.")},
        {"limit.down.policy", QT_TRANSLATE_NOOP("Explainer", "Scale-down is limited by policy %1 per %2 s (selectPolicy %3): the metrics ask for " "%4, this period allows %5.")},
        {"disabled.up", QT_TRANSLATE_NOOP("Explainer", "Scale-up is disabled by the HPA's behavior (scaleUp.selectPolicy: Disabled): the metrics " "ask for %1, replicas stay at %2.")},
        {"disabled.down", QT_TRANSLATE_NOOP("Explainer", "Scale-down is disabled by the HPA's behavior (scaleDown.selectPolicy: Disabled): the " "metrics ask for %1, replicas stay at %2.")},
        {"held.down.explicit", QT_TRANSLATE_NOOP("Explainer", "Scale-down is held by the %1 s stabilization window " "(spec.behavior.scaleDown.stabilizationWindowSeconds).")},
        {"held.down.flag", QT_TRANSLATE_NOOP("Explainer", "Scale-down is held by the %1 s stabilization window (the controller's " "--horizontal-pod-autoscaler-downscale-stabilization: " "spec.behavior.scaleDown.stabilizationWindowSeconds is unset).")},
        {"held.down.legacy", QT_TRANSLATE_NOOP("Explainer", "Scale-down is held by the %1 s stabilization window (the controller's " "--horizontal-pod-autoscaler-downscale-stabilization: spec.behavior is unset).")},
        {"held.up", QT_TRANSLATE_NOOP("Explainer", "Scale-up is held by the %1 s scale-up stabilization window: the lowest recent " "recommendation is %2.")},
        {"path.one", QT_TRANSLATE_NOOP("Explainer", "If %1 stays at %2: %3.")},
        {"path.many", QT_TRANSLATE_NOOP("Explainer", "If the metrics stay as they are: %1.")},
        {"path.first", QT_TRANSLATE_NOOP("Explainer", "%1 \u2192 %2 at %3 (in %4 s)")},
        {"path.first.range", QT_TRANSLATE_NOOP("Explainer", "%1 \u2192 %2 between %3 and %4 (in %5 s at the latest)")},
        {"path.next", QT_TRANSLATE_NOOP("Explainer", "\u2192 %1 at %2")},
        {"path.estimated", QT_TRANSLATE_NOOP("Explainer", "hpascope has not watched this HPA for the whole window: these are the latest times, " "the controller may act sooner.")},
        {"path.uncertain", QT_TRANSLATE_NOOP("Explainer", "Just after a rescale the controller may still count the old number of pods: the " "next sync tells which of the possible paths holds.")},
        {"scaled", QT_TRANSLATE_NOOP("Explainer", "The controller's last sync changed the replicas %1 \u2192 %2.")},
        {"stable", QT_TRANSLATE_NOOP("Explainer", "Stable: replicas stay at %1; no metric asks for a change.")},
        {"mismatch", QT_TRANSLATE_NOOP("Explainer", "hpascope's replay of the last sync gives %1 (%2) where the controller decided %3 (%4); " "this explanation follows the controller. Pods without metric values or not ready, or " "controller flags other than these (sync %5 s, scale-down window %6 s, " "tolerance %7), would explain it.")},
        {"flags.assumed", QT_TRANSLATE_NOOP("Explainer", "Assumed: Kubernetes' default controller flags (sync %1 s, scale-down window %2 s, " "tolerance %3). If this cluster's controller runs with others, set them under " "Controller flags.")},
        {"flags.set", QT_TRANSLATE_NOOP("Explainer", "Controller flags as set for this context in hpascope: sync %1 s, scale-down window %2 s, " "tolerance %3.")},
        {"flags.published", QT_TRANSLATE_NOOP("Explainer", "Controller flags as the cluster publishes them (ConfigMap %4): sync %1 s, " "scale-down window %2 s, tolerance %3.")},
        {"flags.inferred", QT_TRANSLATE_NOOP("Explainer", "From the scale-downs hpascope saw (%1), the controller's scale-down window is between " "%2 and %3 s.")},
        {"flags.inferred.other", QT_TRANSLATE_NOOP("Explainer", "From the scale-downs hpascope saw (%1), the controller's scale-down window is " "between %2 and %3 s, not the assumed %4 s \u2014 set it under Controller flags.")},
        {"flags.inferred.inconsistent", QT_TRANSLATE_NOOP("Explainer", "The scale-downs hpascope saw (%1) fit no single scale-down window: the " "controller's sync period may be longer than the assumed %2 s, its flags " "may have changed, or it restarted while a window held.")},
    };
    return entries;
}

} // namespace

std::vector<std::pair<std::string, std::string>> explainerTemplates()
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto &e : table())
        out.emplace_back(e.id, e.english);
    return out;
}

QString explainerText(const kube::hpa::Sentence &sentence)
{
    static const QHash<QString, const char *> byId = [] {
        QHash<QString, const char *> h;
        for (const auto &e : table())
            h.insert(QString::fromLatin1(e.id), e.english);
        return h;
    }();
    const auto it = byId.constFind(QString::fromStdString(sentence.id));
    if (it == byId.constEnd())
        return QString::fromStdString(sentence.text());
    const QString text = QCoreApplication::translate("Explainer", it.value());
    QStringList args;
    for (const auto &a : sentence.args)
        args << QString::fromStdString(a);
    if (!sentence.items.empty()) {
        QStringList items;
        for (const auto &item : sentence.items)
            items << explainerText(item);
        args << items.join(QCoreApplication::translate("Explainer", ", "));
    }
    // One pass over %1..%9, so an argument that contains "%2" is not substituted again.
    QString out;
    out.reserve(text.size() + 32);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1) >= QLatin1Char('1') &&
            text.at(i + 1) <= QLatin1Char('9')) {
            const qsizetype n = text.at(i + 1).unicode() - '1';
            if (n < args.size())
                out += args.at(n);
            ++i;
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace hpascope
