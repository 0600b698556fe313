#pragma once
// Is text drawn with real glyphs, or as tofu (the empty boxes a font without the script draws)?
// Each distinct character outside ASCII is painted alone at 32 px, as the widget would paint it
// (the font's own glyph or fontconfig's fallback); a character whose image is blank, or is the
// image of a character no font has (U+10FFFD, private use), or equals the image of another
// character, is tofu.
#include <QFont>
#include <QHash>
#include <QImage>
#include <QPainter>
#include <QSet>
#include <QStringList>

namespace hpascope::test {

inline QImage glyphImage(const QString &ch, QFont font)
{
    font.setPixelSize(32);
    QImage img(48, 48, QImage::Format_Grayscale8);
    img.fill(Qt::white);
    QPainter p(&img);
    p.setFont(font);
    p.setPen(Qt::black);
    p.drawText(QRect(0, 0, 48, 48), Qt::AlignCenter, ch);
    return img;
}

inline bool blank(const QImage &img)
{
    for (int y = 0; y < img.height(); ++y) {
        const uchar *line = img.constScanLine(y);
        for (int x = 0; x < img.width(); ++x)
            if (line[x] < 128)
                return false;
    }
    return true;
}

// The characters of texts drawn as tofu in font (empty when every glyph is real); *checked, when
// given, gets the number of distinct characters looked at.
inline QStringList tofuIn(const QStringList &texts, const QFont &font, int *checked = nullptr)
{
    const QImage missing = glyphImage(QString::fromUcs4(U"\U0010FFFD", 1), font);
    QHash<QByteArray, QString> seen; // image bytes -> the character that drew it
    QSet<uint> done;
    QStringList tofu;
    for (const QString &text : texts) {
        for (const uint cp : text.toUcs4()) {
            if (cp < 0x80 || QChar::isSpace(cp) || done.contains(cp))
                continue;
            done.insert(cp);
            const QString ch = QString::fromUcs4(reinterpret_cast<const char32_t *>(&cp), 1);
            const QImage img = glyphImage(ch, font);
            const QByteArray bytes(reinterpret_cast<const char *>(img.constBits()), img.sizeInBytes());
            if (blank(img) || img == missing)
                tofu << ch;
            else if (const auto other = seen.constFind(bytes); other != seen.constEnd() && QChar::category(cp) != QChar::Punctuation_Dash)
                tofu << ch + QStringLiteral(" (drawn as ") + other.value() + QLatin1Char(')');
            else
                seen.insert(bytes, ch);
        }
    }
    if (checked)
        *checked = int(done.size());
    return tofu;
}

} // namespace hpascope::test
