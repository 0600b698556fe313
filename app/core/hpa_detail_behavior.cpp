#include "app/core/hpa_detail_behavior.h"

#include <QCoreApplication>
#include <QStringList>

namespace hpascope {

namespace {

using kube::api::HPAScalingPolicy;
using kube::api::HPAScalingPolicyType;
using kube::api::ScalingPolicySelect;
using kube::hpa::EffectiveRules;
using kube::hpa::ValueSource;

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(HpaBehavior)
};

// "300 s" reads as "5 minutes" too: people know the window as five minutes.
QString spanText(int seconds)
{
    if (seconds >= 60 && seconds % 60 == 0)
        return seconds == 60 ? Tr::tr("1 minute") : Tr::tr("%1 minutes").arg(seconds / 60);
    return Tr::tr("%1 s").arg(seconds);
}

QString selectName(ScalingPolicySelect s)
{
    return QString::fromLatin1(kube::api::nameOf(s));
}

QString policyText(const HPAScalingPolicy &p)
{
    const QString per = Tr::tr("per %1 s").arg(p.periodSeconds);
    switch (p.type) {
    case HPAScalingPolicyType::Pods:
        return (p.value == 1 ? Tr::tr("1 pod") : Tr::tr("%1 pods").arg(p.value)) + QLatin1Char(' ') + per;
    case HPAScalingPolicyType::Percent:
        return Tr::tr("%1 % %2").arg(p.value).arg(per);
    case HPAScalingPolicyType::Unknown:
        break;
    }
    return Tr::tr("%1 (unknown policy type) %2").arg(p.value).arg(per);
}

QString policiesText(const std::vector<HPAScalingPolicy> &policies)
{
    QStringList parts;
    for (const auto &p : policies)
        parts << policyText(p);
    return parts.join(QStringLiteral(", "));
}

// The mark after a value that the HPA does not set itself.
QString sourceMark(ValueSource source)
{
    switch (source) {
    case ValueSource::Spec:
        break;
    case ValueSource::ApiDefault:
        return Tr::tr(" (default)");
    case ValueSource::ControllerFlag:
        return Tr::tr(" (controller flag)");
    }
    return {};
}

QString toleranceText(const EffectiveRules &r)
{
    const QString value = QString::number(r.tolerance * 100, 'g', 4);
    return r.toleranceSource == ValueSource::Spec ? Tr::tr("%1 %").arg(value) : Tr::tr("%1 % (default)").arg(value);
}

EffectiveRulesText effectiveRules(bool up, const EffectiveRules &rules)
{
    EffectiveRulesText r;
    r.rules = rules;
    r.direction = up ? Tr::tr("Scale up") : Tr::tr("Scale down");
    const QString dflt = Tr::tr(" (default)");
    r.window = Tr::tr("%1 s").arg(rules.stabilizationWindowSeconds) + sourceMark(rules.windowSource);
    r.select = selectName(rules.selectPolicy) + (rules.selectPolicyDefaulted ? dflt : QString());
    r.policyText = policiesText(rules.policies) + (rules.policiesDefaulted ? dflt : QString());
    r.tolerance = toleranceText(rules);

    const QString name = up ? Tr::tr("Scale-up") : Tr::tr("Scale-down");
    if (rules.selectPolicy == ScalingPolicySelect::Disabled) {
        r.sentence = Tr::tr("%1: disabled (selectPolicy: Disabled).").arg(name);
        return r;
    }
    const int seconds = rules.stabilizationWindowSeconds;
    QString window;
    if (seconds == 0)
        window = Tr::tr("no stabilization window");
    else if (up)
        window = Tr::tr("waits for a %1 s stabilization window (the lowest recommendation of the last %2 wins)")
                     .arg(seconds).arg(spanText(seconds));
    else
        window = Tr::tr("waits for a %1 s stabilization window (the highest recommendation of the last %2 wins)")
                     .arg(seconds).arg(spanText(seconds));
    QString limit;
    if (rules.policies.size() == 1)
        limit = Tr::tr("at most %1").arg(policyText(rules.policies.front()));
    else
        limit = (rules.selectPolicy == ScalingPolicySelect::Min ? Tr::tr("at most the smaller of %1") : Tr::tr("at most the larger of %1"))
                    .arg(policiesText(rules.policies));
    r.sentence = Tr::tr("%1: %2; %3.").arg(name, window, limit);
    return r;
}

} // namespace

BehaviorText describeBehavior(const kube::api::HorizontalPodAutoscaler &hpa, const kube::hpa::ControllerConfig &controller)
{
    const kube::hpa::EffectiveBehavior effective = kube::hpa::effectiveBehavior(hpa, controller);
    BehaviorText b;
    b.explicitBehavior = effective.explicitBehavior;
    if (b.explicitBehavior) {
        b.scaleUp = effectiveRules(true, effective.scaleUp);
        b.scaleDown = effectiveRules(false, effective.scaleDown);
        b.summary = Tr::tr("spec.behavior is set (fields it leaves out take the API defaults). %1 %2")
                        .arg(b.scaleUp.sentence, b.scaleDown.sentence);
        return b;
    }
    // The legacy path (normalizeDesiredReplicas): no policies at all; scale-up capped by
    // scaleUpLimitFactor 2.0 and scaleUpLimitMinimum 4.0 (horizontal.go) on every sync.
    const int window = effective.scaleDown.stabilizationWindowSeconds;
    b.scaleUp.rules = effective.scaleUp;
    b.scaleUp.direction = Tr::tr("Scale up");
    b.scaleUp.window = Tr::tr("0 s (none)");
    b.scaleUp.select = Tr::tr("—");
    b.scaleUp.policyText = Tr::tr("at most max(2× current, 4) pods per sync");
    b.scaleUp.tolerance = toleranceText(effective.scaleUp);
    b.scaleUp.sentence = Tr::tr("Scale-up: at most max(2× current, 4) pods per sync.");
    b.scaleDown.rules = effective.scaleDown;
    b.scaleDown.direction = Tr::tr("Scale down");
    b.scaleDown.window = Tr::tr("%1 s").arg(window) + sourceMark(effective.scaleDown.windowSource);
    b.scaleDown.select = Tr::tr("—");
    b.scaleDown.policyText = Tr::tr("no rate limit once the window allows it");
    b.scaleDown.tolerance = toleranceText(effective.scaleDown);
    b.scaleDown.sentence = Tr::tr("Scale-down: waits for a %1 s stabilization window.").arg(window);
    b.summary = Tr::tr("spec.behavior is unset: the controller uses its defaults — scale-down waits for a %1 s "
                   "stabilization window (the highest recommendation of the last %2 wins); scale-up at most "
                   "max(2× current, 4) pods per sync.")
                    .arg(window)
                    .arg(spanText(window));
    return b;
}

HpaBehaviorModel::HpaBehaviorModel(QObject *parent) : QAbstractTableModel(parent) {}

void HpaBehaviorModel::setBehavior(const BehaviorText &behavior)
{
    std::vector<EffectiveRulesText> rows{behavior.scaleUp, behavior.scaleDown};
    if (m_rows.size() == rows.size()) {
        m_rows = std::move(rows);
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void HpaBehaviorModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int HpaBehaviorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HpaBehaviorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HpaBehaviorModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const EffectiveRulesText &r = m_rows[std::size_t(index.row())];
    if (role == Qt::ToolTipRole)
        return r.sentence;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Direction:
        return r.direction;
    case Window:
        return r.window;
    case Select:
        return r.select;
    case Policies:
        return r.policyText;
    case Tolerance:
        return r.tolerance;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HpaBehaviorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Direction:
        return Tr::tr("Direction");
    case Window:
        return Tr::tr("Stabilization window");
    case Select:
        return Tr::tr("Select policy");
    case Policies:
        return Tr::tr("Policies");
    case Tolerance:
        return Tr::tr("Tolerance");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace hpascope
