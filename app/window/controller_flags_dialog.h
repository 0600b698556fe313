#pragma once
// "Controller flags" for one kubeconfig context: the three kube-controller-manager flags the
// explainer depends on (sync period, downscale stabilization, tolerance). The API does not expose
// them; the dialog shows the values in use and where they come from, and lets the user set them
// for this context or forget them (back to what the cluster publishes, or Kubernetes' defaults).
#include "kube/hpa/types.h"

#include <QDialog>

#include <optional>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace hpascope {

class ControllerFlagsDialog : public QDialog {
    Q_OBJECT
public:
    ControllerFlagsDialog(const QString &context, const kube::hpa::ControllerConfig &current,
                          kube::hpa::ConfigSource source, QWidget *parent = nullptr);

    // After exec(): the flags to set, or nullopt when the user chose to forget them.
    std::optional<kube::hpa::ControllerConfig> flags() const { return m_result; }
    static QString describeSource(kube::hpa::ConfigSource source);

private:
    QSpinBox *m_sync;
    QSpinBox *m_window;
    QDoubleSpinBox *m_tolerance;
    kube::hpa::ControllerConfig m_base;
    std::optional<kube::hpa::ControllerConfig> m_result;
};

} // namespace hpascope
