#pragma once
// spec.behavior as the controller applies it, stated plainly. Most users never set behavior and
// never see the 300 s scale-down window it implies (kubernetes #114100), so the defaults are
// spelled out rather than left blank as kubectl describe does.
//
// The rules and where each value comes from (spec, API default, controller flag) are
// kube::hpa::effectiveBehavior's (kube/hpa/behavior.h); this file only words them.
#include "kube/api/hpa.h"
#include "kube/hpa/behavior.h"
#include "kube/hpa/types.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace hpascope {

// One direction, worded.
struct EffectiveRulesText {
    kube::hpa::EffectiveRules rules; // what the words say
    QString direction; // "Scale up" / "Scale down"
    QString window;    // "300 s (default)"
    QString select;    // "Max", "Disabled"
    QString policyText; // "4 pods per 15 s, 100 % per 15 s (default)"
    QString tolerance; // "10 % (default)"
    QString sentence;  // the whole direction in one sentence
};

struct BehaviorText {
    bool explicitBehavior = false;
    EffectiveRulesText scaleUp;
    EffectiveRulesText scaleDown;
    QString summary; // what the detail view shows above the table
};

// `controller`: the flags the defaults come from (downscale window, tolerance, the
// HPAConfigurableTolerance gate).
BehaviorText describeBehavior(const kube::api::HorizontalPodAutoscaler &hpa,
                              const kube::hpa::ControllerConfig &controller = {});

// Two rows (scale up, scale down): Direction, Window, Select policy, Policies, Tolerance.
class HpaBehaviorModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Direction, Window, Select, Policies, Tolerance, ColumnCount };

    explicit HpaBehaviorModel(QObject *parent = nullptr);
    void setBehavior(const BehaviorText &behavior);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<EffectiveRulesText> m_rows;
};

} // namespace hpascope
