#pragma once
// spec.behavior as the controller applies it, stated plainly. Most users never set behavior and
// never see the 300 s scale-down window it implies (kubernetes #114100), so the defaults are
// spelled out rather than left blank as kubectl describe does.
//
// Defaults from pkg/apis/autoscaling/v2/defaults.go (SetDefaults_HorizontalPodAutoscalerBehavior:
// GenerateHPAScaleUpRules / GenerateHPAScaleDownRules, field by field) and, when spec.behavior
// is unset, horizontal.go's legacy normalizeDesiredReplicas path. kube/hpa/behavior.h
// (effectiveBehavior) computes the same rules for the simulator; this file only words them.
#include "kube/api/hpa.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace hpascope {

// Controller flags that decide the defaults
// (pkg/controller/podautoscaler/config/v1alpha1/defaults.go).
struct ControllerDefaults {
    int downscaleStabilizationSeconds = 300; // --horizontal-pod-autoscaler-downscale-stabilization
    double tolerance = 0.1;                  // --horizontal-pod-autoscaler-tolerance
};

// One direction after defaulting; the *Defaulted flags tell a default from an explicit field.
struct EffectiveRulesText {
    QString direction; // "Scale up" / "Scale down"
    int windowSeconds = 0;
    bool windowDefaulted = true;
    kube::api::ScalingPolicySelect selectPolicy = kube::api::ScalingPolicySelect::Max;
    bool selectDefaulted = true;
    std::vector<kube::api::HPAScalingPolicy> policies;
    bool policiesDefaulted = true;
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

BehaviorText describeBehavior(const kube::api::HorizontalPodAutoscaler &hpa, const ControllerDefaults &defaults = {});

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
