#pragma once
// The benchmark's baseline: the PDF and PNG as hpascope first made them, from one QTextDocument
// (Qt's rich text: the shared blocks as HTML, each chart a text object drawn by paintChart),
// paged by Qt's layout. The reports now have their own (app/core/report/report_pages.h); this
// is kept only to compare with it.
#include "app/core/report/report_chart.h"
#include "app/core/report/report_render.h"
#include "app/core/report/report_text.h"

#include <QObject>
#include <QTextDocument>
#include <QTextObjectInterface>

#include <memory>
#include <vector>

class QPaintDevice;

namespace hpascope::report::baseline {

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

bool renderPdf(const ReportData &data, const QString &path, const RenderOptions &options, QString *error);
QImage renderPng(const ReportData &data, const RenderOptions &options);

} // namespace hpascope::report::baseline
