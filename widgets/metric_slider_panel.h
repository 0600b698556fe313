#pragma once
// The metric slider panel: for each Object and Pods metric of the selected HPA a slider, an exact
// quantity field, Send and "live", and a status line ("sent 400m · read back 400m", or the error
// in red). External and Resource metrics get a read-only row saying where their values come
// from. What each row shows comes from app/core (sliderMetricsOf, readQuantityInput); the panel
// only lays it out. Talks only to MetricWriter (signals/slots).
//
// Object names, for tests: each row is "metricRow<i>" (spec order; property "metricKey") holding
// "nameLabel" and either "slider", "valueEdit", "sendButton", "liveCheck", "statusLabel" or, for
// read-only rows, "readOnlyLabel". The slider carries properties "minMilli", "maxMilli",
// "stepMilli" (qlonglong). Ctrl+L (anywhere in the window) moves the focus to the next value field.
#include "app/core/slider_metrics.h"
#include "kube/api/hpa.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QVBoxLayout;

namespace hpascope {

class MetricWriter;

class MetricSliderPanel : public QWidget {
    Q_OBJECT
public:
    // Slider positions are integer steps over [minMilli, maxMilli], each step stepMilli milli-units.
    struct Range {
        qint64 minMilli = 0;
        qint64 maxMilli = 0;
        qint64 stepMilli = 1;
        bool contains(qint64 milli) const { return milli >= minMilli && milli <= maxMilli; }
        int steps() const { return int((maxMilli - minMilli) / stepMilli); }
        qint64 milliAt(int position) const { return minMilli + qint64(position) * stepMilli; }
        int positionOf(qint64 milli) const;
        bool operator==(const Range &) const = default;
    };
    // 0 … 4× target (0 … 1 when the target is 0).
    static Range rangeAround(qint64 targetMilli);
    // Re-centred on a value that left the range: 0 … 2× value (mirrored for negative values).
    static Range rangeCentredOn(qint64 valueMilli);
    // The range for a value in the field: around the target when it fits there, else centred on
    // the value. A function of both alone, so the keystrokes on the way to "400m" ("4", "40",
    // "400") leave no trace in it.
    static Range rangeFor(qint64 targetMilli, qint64 valueMilli);

    explicit MetricSliderPanel(MetricWriter *writer, QWidget *parent = nullptr);
    ~MetricSliderPanel() override;

    // Rebuilds the rows when the set of metrics changed; otherwise keeps what the user typed and
    // only follows a changed target.
    void setHpa(const kube::api::HorizontalPodAutoscaler &hpa);
    void clear();
    int rowCount() const;
    // Focuses the value field after the focused one (the first from elsewhere), text selected.
    // Returns false when there is no writable metric.
    bool focusNextField();

signals:
    // A valid value is in the field (typed or dragged), sent or not: the what-if prediction
    // draws where the replicas would go if the metric stayed there. specIndex: spec.metrics[i].
    void previewChanged(int specIndex, const QString &quantityText);

private:
    struct Row;
    void rebuild(const QList<SliderMetric> &metrics);
    void buildWritableRow(Row &row);
    void buildReadOnlyRow(Row &row);
    // fromSlider: the knob wrote the field, so the range stays where the hand is.
    void onTextChanged(Row &row, bool fromSlider = false);
    void send(Row &row);
    void setStatus(Row &row, const QString &text, bool error);
    Row *rowFor(const QString &key);

    QPointer<MetricWriter> m_writer;
    kube::api::HorizontalPodAutoscaler m_hpa;
    QString m_hpaKey;
    std::vector<std::unique_ptr<Row>> m_rows;
    QVBoxLayout *m_layout;
    QLabel *m_empty;
};

} // namespace hpascope
