#include "app/core/report/report_render.h"

#include <QFileInfo>
#include <QSaveFile>

namespace hpascope::report {

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
        const bool ok = *formatOf(path) == Format::Html ? file.write(renderHtml(data, options.chartColumns)) >= 0
                                                        : renderPng(data, options).save(&file, "PNG");
        if (!ok || !file.commit())
            return tr("cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    }
    return {};
}

} // namespace hpascope::report
