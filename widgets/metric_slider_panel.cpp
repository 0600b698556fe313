#include "widgets/metric_slider_panel.h"

#include "app/core/metric_writer.h"
#include "app/core/slider_metrics.h"

#include <QAction>
#include <QCheckBox>
#include <QGridLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace hpascope {

namespace {

// A slider is at most this many positions wide: finer than a pixel on any realistic panel.
constexpr qint64 kMaxSteps = 1000;
// While dragging with "live" on, send at most this often (the UI's 250 ms batch tick, see
// ARCHITECTURE.md), and once more on release.
constexpr int kLiveDebounceMs = 250;
// Keeps 4× and 2× of a value clear of int64 overflow (Quantity::milliValue saturates there).
constexpr qint64 kMaxMilli = std::numeric_limits<qint64>::max() / 8;
const QString kErrorStyle = QStringLiteral("color: #c62828;");
const QString kInvalidFieldStyle = QStringLiteral("QLineEdit { border: 1px solid #c62828; }");

qint64 niceStep(qint64 span)
{
    const qint64 raw = std::max<qint64>(1, (span + kMaxSteps - 1) / kMaxSteps);
    for (qint64 decade = 1;; decade *= 10) {
        for (const qint64 m : {1, 2, 5})
            if (m * decade >= raw)
                return m * decade;
    }
}

MetricSliderPanel::Range makeRange(qint64 lo, qint64 hi)
{
    MetricSliderPanel::Range r;
    r.stepMilli = niceStep(hi - lo);
    // Snap outwards to the step grid so both ends are reachable.
    r.minMilli = lo >= 0 ? lo / r.stepMilli * r.stepMilli : -((-lo + r.stepMilli - 1) / r.stepMilli * r.stepMilli);
    r.maxMilli = r.minMilli + (hi - r.minMilli + r.stepMilli - 1) / r.stepMilli * r.stepMilli;
    return r;
}

} // namespace

int MetricSliderPanel::Range::positionOf(qint64 milli) const
{
    const qint64 clamped = std::clamp(milli, minMilli, maxMilli);
    return int((clamped - minMilli + stepMilli / 2) / stepMilli);
}

MetricSliderPanel::Range MetricSliderPanel::rangeAround(qint64 targetMilli)
{
    const qint64 t = std::clamp<qint64>(targetMilli, 0, kMaxMilli);
    return makeRange(0, t > 0 ? 4 * t : 1000);
}

MetricSliderPanel::Range MetricSliderPanel::rangeFor(qint64 targetMilli, qint64 valueMilli)
{
    const Range around = rangeAround(targetMilli);
    return around.contains(valueMilli) ? around : rangeCentredOn(valueMilli);
}

MetricSliderPanel::Range MetricSliderPanel::rangeCentredOn(qint64 valueMilli)
{
    const qint64 v = std::clamp<qint64>(valueMilli, -kMaxMilli, kMaxMilli);
    if (v > 0)
        return makeRange(0, 2 * v);
    if (v < 0)
        return makeRange(2 * v, 0);
    return makeRange(0, 1000);
}

struct MetricSliderPanel::Row {
    SliderMetric metric;
    QWidget *box = nullptr;
    QSlider *slider = nullptr;
    QLineEdit *edit = nullptr;
    QPushButton *send = nullptr;
    QCheckBox *live = nullptr;
    QLabel *status = nullptr;
    QTimer *debounce = nullptr;
    Range range;
    bool updating = false;        // the panel itself is moving the slider or setting the text
    bool showingInvalid = false;  // the status line shows the field's validation error
};

MetricSliderPanel::MetricSliderPanel(MetricWriter *writer, QWidget *parent)
    : QWidget(parent), m_writer(writer), m_layout(new QVBoxLayout(this)),
      m_empty(new QLabel(tr("Select an HPA to push metric values."), this))
{
    setObjectName(QStringLiteral("metricSliderPanel"));
    m_empty->setObjectName(QStringLiteral("emptyLabel"));
    m_layout->addWidget(m_empty);
    m_layout->addStretch(1);
    // The keyboard way to the seed experiment: select the HPA, Ctrl+L, type, Enter.
    auto *focusField = new QAction(tr("Go to the value field"), this);
    focusField->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    focusField->setShortcutContext(Qt::WindowShortcut);
    connect(focusField, &QAction::triggered, this, &MetricSliderPanel::focusNextField);
    addAction(focusField);
    if (!m_writer)
        return;
    connect(m_writer, &MetricWriter::pushStarted, this, [this](const QString &key, const QString &sent) {
        if (Row *row = rowFor(key))
            setStatus(*row, tr("sending %1…").arg(sent), false);
    });
    connect(m_writer, &MetricWriter::pushed, this,
            [this](const QString &key, const QString &sent, const QString &readBack) {
                if (Row *row = rowFor(key))
                    setStatus(*row, tr("sent %1 · read back %2").arg(sent, readBack), false);
            });
    connect(m_writer, &MetricWriter::failed, this, [this](const QString &key, const QString &message) {
        if (Row *row = rowFor(key))
            setStatus(*row, message, true);
    });
    // Whether kwok runs the pods is known only once their node answered.
    connect(m_writer, &MetricWriter::cpuControlChanged, this, [this] {
        if (!m_hpaKey.isEmpty())
            setHpa(m_hpa);
    });
}

MetricSliderPanel::~MetricSliderPanel() = default;

int MetricSliderPanel::rowCount() const { return int(m_rows.size()); }

bool MetricSliderPanel::focusNextField()
{
    std::vector<QLineEdit *> fields;
    for (const auto &row : m_rows)
        if (row->edit)
            fields.push_back(row->edit);
    if (fields.empty())
        return false;
    const auto focused = std::find_if(fields.begin(), fields.end(), [](QLineEdit *e) { return e->hasFocus(); });
    QLineEdit *next = focused == fields.end() || std::next(focused) == fields.end() ? fields.front() : *std::next(focused);
    next->setFocus(Qt::ShortcutFocusReason);
    next->selectAll(); // typing replaces the value
    return true;
}

void MetricSliderPanel::clear()
{
    m_hpa = {};
    m_hpaKey.clear();
    for (auto &row : m_rows)
        delete row->box;
    m_rows.clear();
    m_empty->show();
}

void MetricSliderPanel::setHpa(const kube::api::HorizontalPodAutoscaler &hpa)
{
    const QString hpaKey = QString::fromStdString(hpa.metadata.namespace_ + '/' + hpa.metadata.name);
    const CpuControl cpu = m_writer ? m_writer->cpuControl(hpa) : CpuControl{};
    const QList<SliderMetric> metrics = sliderMetricsOf(hpa, &cpu);
    bool same = hpaKey == m_hpaKey && std::size_t(metrics.size()) == m_rows.size();
    for (std::size_t i = 0; same && i < m_rows.size(); ++i)
        same = m_rows[i]->metric.key == metrics[qsizetype(i)].key
            && m_rows[i]->metric.writable == metrics[qsizetype(i)].writable
            && m_rows[i]->metric.readOnlyTip == metrics[qsizetype(i)].readOnlyTip;
    m_hpa = hpa;
    m_hpaKey = hpaKey;
    if (!same) {
        rebuild(metrics);
        return;
    }
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        Row &row = *m_rows[i];
        const bool targetMoved = row.metric.targetMilli != metrics[qsizetype(i)].targetMilli;
        row.metric = metrics[qsizetype(i)];
        if (!row.slider || !targetMoved)
            continue;
        // The range follows the new target (onTextChanged derives it); a bad value keeps its mark.
        if (readQuantityInput(row.edit->text()).valid())
            onTextChanged(row);
    }
}

void MetricSliderPanel::rebuild(const QList<SliderMetric> &metrics)
{
    for (auto &row : m_rows)
        delete row->box;
    m_rows.clear();
    m_empty->setVisible(metrics.empty());
    for (const SliderMetric &metric : metrics) {
        auto row = std::make_unique<Row>();
        row->metric = metric;
        row->box = new QWidget(this);
        row->box->setObjectName(QStringLiteral("metricRow%1").arg(metric.specIndex));
        row->box->setProperty("metricKey", metric.key);
        if (metric.writable)
            buildWritableRow(*row);
        else
            buildReadOnlyRow(*row);
        m_layout->insertWidget(m_layout->count() - 1, row->box); // before the stretch
        m_rows.push_back(std::move(row));
    }
}

void MetricSliderPanel::buildReadOnlyRow(Row &row)
{
    auto *grid = new QGridLayout(row.box);
    auto *name = new QLabel(row.metric.name, row.box);
    name->setObjectName(QStringLiteral("nameLabel"));
    auto *note = new QLabel(row.metric.readOnlyWhy, row.box);
    note->setObjectName(QStringLiteral("readOnlyLabel"));
    note->setEnabled(false); // greyed: information, not a control
    note->setToolTip(row.metric.readOnlyTip);
    grid->addWidget(name, 0, 0);
    grid->addWidget(note, 1, 0);
}

void MetricSliderPanel::buildWritableRow(Row &row)
{
    auto *grid = new QGridLayout(row.box);
    auto *name = new QLabel(row.metric.name, row.box);
    name->setObjectName(QStringLiteral("nameLabel"));
    name->setToolTip(row.metric.cpuPerPod
                         ? tr("The CPU each target pod uses, set through kwok's kwok.x-k8s.io/usage-cpu annotation "
                              "(pods that appear later get it too); target %1 per pod")
                               .arg(row.metric.targetText)
                         : tr("target %1").arg(row.metric.targetText));

    row.slider = new QSlider(Qt::Horizontal, row.box);
    row.slider->setMinimumWidth(160); // a usable drag range even in a narrow side panel
    row.slider->setObjectName(QStringLiteral("slider"));
    row.edit = new QLineEdit(row.box);
    row.edit->setMinimumWidth(80); // "1500m", "2.5Gi" fit
    row.edit->setObjectName(QStringLiteral("valueEdit"));
    row.edit->setPlaceholderText(tr("e.g. 400m, 1.5, 2k"));
    row.edit->setToolTip(tr("The value to write, a Kubernetes quantity (400m, 1.5, 2k). Enter sends it. "
                            "%1 comes here from anywhere in the window.")
                             .arg(QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText)));
    row.send = new QPushButton(tr("Send"), row.box);
    row.send->setObjectName(QStringLiteral("sendButton"));
    row.live = new QCheckBox(tr("live"), row.box);
    row.live->setObjectName(QStringLiteral("liveCheck"));
    row.live->setToolTip(tr("Send while dragging and on release"));
    row.status = new QLabel(row.box);
    row.status->setObjectName(QStringLiteral("statusLabel"));
    row.status->setWordWrap(true);
    row.status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row.debounce = new QTimer(row.box);
    row.debounce->setSingleShot(true);
    row.debounce->setInterval(kLiveDebounceMs);

    grid->addWidget(name, 0, 0, 1, 4);
    grid->addWidget(row.slider, 1, 0);
    grid->addWidget(row.edit, 1, 1);
    grid->addWidget(row.send, 1, 2);
    grid->addWidget(row.live, 1, 3);
    grid->addWidget(row.status, 2, 0, 1, 4);
    grid->setColumnStretch(0, 1);

    Row *r = &row; // rows are heap-allocated and die with their box, which owns these widgets
    connect(row.slider, &QSlider::valueChanged, row.box, [this, r](int position) {
        if (r->updating)
            return;
        r->updating = true;
        r->edit->setText(quantityTextOfMilli(r->range.milliAt(position)));
        r->updating = false;
        onTextChanged(*r, true);
    });
    connect(row.slider, &QSlider::sliderMoved, row.box, [r] {
        if (r->live->isChecked())
            r->debounce->start();
    });
    connect(row.slider, &QSlider::sliderReleased, row.box, [this, r] {
        if (!r->live->isChecked())
            return;
        r->debounce->stop();
        send(*r);
    });
    connect(row.debounce, &QTimer::timeout, row.box, [this, r] { send(*r); });
    connect(row.edit, &QLineEdit::textChanged, row.box, [this, r] {
        if (!r->updating)
            onTextChanged(*r);
    });
    connect(row.edit, &QLineEdit::returnPressed, row.box, [this, r] { send(*r); });
    connect(row.send, &QPushButton::clicked, row.box, [this, r] { send(*r); });

    row.edit->setText(row.metric.startText);
    onTextChanged(row);
}

void MetricSliderPanel::onTextChanged(Row &row, bool fromSlider)
{
    const QString text = row.edit->text().trimmed();
    const QuantityInput input = readQuantityInput(text);
    const bool invalid = !input.valid();
    row.edit->setProperty("invalid", invalid);
    row.edit->setStyleSheet(invalid ? kInvalidFieldStyle : QString());
    row.send->setEnabled(!invalid);
    if (invalid) {
        row.debounce->stop(); // never send a value the field refuses
        setStatus(row, input.error, true);
        row.showingInvalid = true;
        return;
    }
    if (row.showingInvalid) {
        setStatus(row, QString(), false);
        row.showingInvalid = false;
    }
    const qint64 milli = input.milli;
    if (!fromSlider)
        row.range = rangeFor(row.metric.targetMilli.value_or(0), milli);
    row.updating = true;
    row.slider->setRange(0, row.range.steps());
    row.slider->setSingleStep(1);
    row.slider->setPageStep(std::max(1, row.range.steps() / 10));
    row.slider->setProperty("minMilli", row.range.minMilli);
    row.slider->setProperty("maxMilli", row.range.maxMilli);
    row.slider->setProperty("stepMilli", row.range.stepMilli);
    row.slider->setValue(row.range.positionOf(milli));
    row.updating = false;
    emit previewChanged(row.metric.specIndex, previewTextOf(row.metric, text));
}

void MetricSliderPanel::send(Row &row)
{
    const QString text = row.edit->text().trimmed();
    const QuantityInput input = readQuantityInput(text);
    if (!input.valid()) { // Enter or a timer can get here with a bad value: refuse, never send
        setStatus(row, input.error, true);
        row.showingInvalid = true;
        return;
    }
    if (!m_writer) {
        setStatus(row, tr("not connected to a cluster"), true);
        return;
    }
    m_writer->push(m_hpa, m_hpa.spec.metrics.at(std::size_t(row.metric.specIndex)), text);
}

void MetricSliderPanel::setStatus(Row &row, const QString &text, bool error)
{
    row.showingInvalid = false;
    row.status->setText(text);
    row.status->setStyleSheet(error ? kErrorStyle : QString());
    row.status->setProperty("error", error);
}

MetricSliderPanel::Row *MetricSliderPanel::rowFor(const QString &key)
{
    for (auto &row : m_rows)
        if (row->metric.key == key && row->status)
            return row.get();
    return nullptr;
}

} // namespace hpascope
