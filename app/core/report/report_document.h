#pragma once
// The report as one QTextDocument (for the PDF and the PNG, report_document.cpp): the shared
// blocks in Qt's rich text, each chart a text object drawn by paintChart at whatever size and
// resolution the page gives it.
#include "app/core/report/report_chart.h"
#include "app/core/report/report_text.h"

#include <QObject>
#include <QTextDocument>
#include <QTextObjectInterface>

#include <memory>
#include <vector>

class QPaintDevice;

namespace hpascope::report {

// A PNG taller than this is cut (16384 px: the most many image viewers and browsers open).
constexpr int kMaxPngHeight = 16384;

class ChartTextObject : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    ChartTextObject(std::vector<ChartData> charts, QObject *parent);
    QSizeF intrinsicSize(QTextDocument *doc, int posInDocument, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *doc, int posInDocument,
                    const QTextFormat &format) override;

private:
    std::vector<ChartData> m_charts;
};

class ReportDocument {
public:
    // Laid out for `device` (its resolution sizes the fonts); not owned, must outlive the document.
    static std::unique_ptr<ReportDocument> build(const ReportData &data, const TextOptions &options, QPaintDevice *device,
                                                 int chartColumns = kChartColumns);
    QTextDocument &document() { return m_document; }

private:
    ReportDocument() = default;
    QTextDocument m_document;
    ChartTextObject *m_charts = nullptr; // owned by m_document
};

} // namespace hpascope::report
