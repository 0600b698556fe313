// svg2png: renders an SVG into square PNGs, one per size, at build time (the application icon's
// hicolor sizes come from resources/icons/*.svg this way, so no binary is committed).
//   hpascope_svg2png IN.svg OUT_PATTERN SIZE...     OUT_PATTERN's "%1" becomes the size
#include <QByteArray>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QString>
#include <QSvgRenderer>
#include <cstdio>

int main(int argc, char *argv[])
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: %s IN.svg OUT_PATTERN SIZE...  (%%1 in OUT_PATTERN: the size)\n", argv[0]);
        return 2;
    }
    QSvgRenderer svg(QString::fromLocal8Bit(argv[1]));
    if (!svg.isValid()) {
        std::fprintf(stderr, "svg2png: cannot read %s as SVG\n", argv[1]);
        return 1;
    }
    const QString pattern = QString::fromLocal8Bit(argv[2]);
    for (int i = 3; i < argc; ++i) {
        bool ok = false;
        const int size = QByteArray(argv[i]).toInt(&ok);
        if (!ok || size <= 0 || size > 4096) {
            std::fprintf(stderr, "svg2png: %s is not a size in pixels\n", argv[i]);
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter, QRectF(0, 0, size, size));
        painter.end();
        const QString out = pattern.arg(size);
        if (!QDir().mkpath(QFileInfo(out).absolutePath()) || !image.save(out, "PNG")) {
            std::fprintf(stderr, "svg2png: cannot write %s\n", qPrintable(out));
            return 1;
        }
    }
    return 0;
}
