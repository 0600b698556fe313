#include "app/window/controller_flags_dialog.h"

#include "kube/hpa/published_flags.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hpascope {

QString ControllerFlagsDialog::describeSource(kube::hpa::ConfigSource source)
{
    using S = kube::hpa::ConfigSource;
    switch (source) {
    case S::Set:
        return tr("set for this context in hpascope");
    case S::Published:
        return tr("published by the cluster (ConfigMap %1/%2)")
            .arg(QString::fromUtf8(kube::hpa::kPublishedFlagsNamespace.data(), qsizetype(kube::hpa::kPublishedFlagsNamespace.size())),
                 QString::fromUtf8(kube::hpa::kPublishedFlagsName.data(), qsizetype(kube::hpa::kPublishedFlagsName.size())));
    case S::Simulator:
        return tr("the demo cluster's own controller");
    case S::Assumed:
        break;
    }
    return tr("assumed: Kubernetes' defaults");
}

ControllerFlagsDialog::ControllerFlagsDialog(const QString &context, const kube::hpa::ControllerConfig &current,
                                             kube::hpa::ConfigSource source, QWidget *parent)
    : QDialog(parent), m_sync(new QSpinBox(this)), m_window(new QSpinBox(this)), m_tolerance(new QDoubleSpinBox(this)),
      m_base(current)
{
    setObjectName(QStringLiteral("controllerFlagsDialog"));
    setWindowTitle(tr("Controller flags — %1").arg(context));
    auto *intro = new QLabel(tr("The HPA controller's flags cannot be read through the Kubernetes API. "
                                "The explanations use these values, now %1. "
                                "Set them if this cluster's kube-controller-manager runs with others.")
                                 .arg(describeSource(source)),
                             this);
    intro->setObjectName(QStringLiteral("sourceLabel"));
    intro->setWordWrap(true);

    m_sync->setObjectName(QStringLiteral("syncPeriod"));
    m_sync->setRange(1, 3600);
    m_sync->setSuffix(tr(" s"));
    m_sync->setValue(int(current.syncPeriod.count()));
    m_window->setObjectName(QStringLiteral("downscaleStabilization"));
    m_window->setRange(0, 7 * 24 * 3600);
    m_window->setSuffix(tr(" s"));
    m_window->setValue(int(current.downscaleStabilization.count()));
    m_tolerance->setObjectName(QStringLiteral("tolerance"));
    m_tolerance->setRange(0, 0.99);
    m_tolerance->setDecimals(2);
    m_tolerance->setSingleStep(0.01);
    m_tolerance->setValue(current.tolerance);

    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("--horizontal-pod-autoscaler-sync-period"), m_sync);
    form->addRow(QStringLiteral("--horizontal-pod-autoscaler-downscale-stabilization"), m_window);
    form->addRow(QStringLiteral("--horizontal-pod-autoscaler-tolerance"), m_tolerance);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *forget = buttons->addButton(tr("Forget (use the cluster's or the defaults)"), QDialogButtonBox::ResetRole);
    forget->setObjectName(QStringLiteral("forgetButton"));
    forget->setEnabled(source == kube::hpa::ConfigSource::Set);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        kube::hpa::ControllerConfig c = m_base;
        c.syncPeriod = std::chrono::seconds(m_sync->value());
        c.downscaleStabilization = std::chrono::seconds(m_window->value());
        c.tolerance = m_tolerance->value();
        m_result = c;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(forget, &QPushButton::clicked, this, [this] {
        m_result.reset();
        accept();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

} // namespace hpascope
