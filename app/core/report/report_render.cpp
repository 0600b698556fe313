#include "app/core/report/report_render.h"

#include "app/core/report/report_png.h"

#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace hpascope::report {

namespace {

constexpr double kMarginMm = 15; // page margins
constexpr double kFooterPt = 8;

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

} // namespace

bool writePdf(const ReportData &data, const QString &path, const RenderOptions &options, const PdfLayOut &layOut,
              const PdfPaint &paint, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = ReportWriter::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter pdf(&file);
        pdf.setPageSize(options.pageSize);
        pdf.setPageMargins(QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter);
        pdf.setResolution(300);
        pdf.setTitle(Tr::tr("HPA report: %1/%2").arg(data.request.namespaceName, data.request.name));
        pdf.setCreator(QStringLiteral("hpascope %1").arg(data.request.version));
        QFont footerFont;
        footerFont.setPointSizeF(kFooterPt);
        const double footer = QFontMetricsF(footerFont, &pdf).height() * 2;
        const QSizeF body(pdf.width(), pdf.height() - footer);
        const int pages = layOut(pdf, body);
        QPainter p(&pdf);
        for (int i = 0; i < pages; ++i) {
            if (i > 0)
                pdf.newPage();
            p.save();
            paint(p, i);
            p.restore();
            p.setFont(footerFont);
            p.setPen(Qt::black);
            p.drawText(QRectF(0, body.height(), body.width(), footer), Qt::AlignRight | Qt::AlignBottom,
                       Tr::tr("%1/%2 · page %3 of %4").arg(data.request.namespaceName, data.request.name).arg(i + 1).arg(pages));
        }
    }
    if (!file.commit()) {
        if (error)
            *error = ReportWriter::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

PngPage::PngPage(const RenderOptions &options)
{
    const double dpi = options.pngDpi;
    // From millimetres: A4 is 210 mm = 2480 px at 300 dpi (its size in points rounds to 2479).
    width = qRound(options.pageSize.size(QPageSize::Millimeter).width() / 25.4 * dpi);
    margin = kMarginMm / 25.4 * dpi;
    dotsPerMeter = int(dpi / 0.0254 + 0.5);
}

QImage PngPage::probe() const
{
    QImage probe(1, 1, QImage::Format_RGB32);
    probe.setDotsPerMeterX(dotsPerMeter);
    probe.setDotsPerMeterY(dotsPerMeter);
    return probe;
}

QImage PngPage::canvas(double bodyHeight) const
{
    QImage image(width, std::min(int(bodyHeight + 2 * margin), kMaxPngHeight), QImage::Format_RGB32);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.fill(Qt::white);
    return image;
}

std::optional<Format> formatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return Format::Html;
    if (suffix == QLatin1String("png"))
        return Format::Png;
    return std::nullopt;
}

QPageSize pageSizeFor(const QLocale &locale)
{
    const bool letter = locale.measurementSystem() == QLocale::ImperialUSSystem
                        || locale.territory() == QLocale::Canada;
    return QPageSize(letter ? QPageSize::Letter : QPageSize::A4);
}

QString ReportWriter::checkWritable(const QString &path)
{
    if (!formatOf(path))
        return tr("unknown format for %1: the file name must end in .pdf, .html or .png").arg(path);
    return checkPath(path);
}

QString ReportWriter::checkPath(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return tr("cannot write %1: it is a folder").arg(path);
    const QFileInfo dir(info.absolutePath());
    if (!dir.exists())
        return tr("cannot write %1: the folder %2 does not exist").arg(path, dir.filePath());
    if (!dir.isWritable() || (info.exists() && !info.isWritable()))
        return tr("cannot write %1: permission denied").arg(path);
    return {};
}

QString ReportWriter::write(const ReportData &data, const QString &path, const RenderOptions &options)
{
    if (const QString why = checkWritable(path); !why.isEmpty())
        return why;
    QString error;
    switch (*formatOf(path)) {
    case Format::Pdf:
        return renderPdf(data, path, options, &error) ? QString() : error;
    case Format::Html:
    case Format::Png: {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return tr("cannot write %1: %2").arg(path, file.errorString());
        const QByteArray bytes = *formatOf(path) == Format::Html ? renderHtml(data, options.chartColumns)
                                                                 : encodePng(renderPng(data, options));
        const bool ok = !bytes.isEmpty() && file.write(bytes) == bytes.size();
        if (!ok || !file.commit())
            return tr("cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    }
    return {};
}

} // namespace hpascope::report
