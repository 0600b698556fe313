#include "app/core/report/report_png.h"

#include <QImage>
#include <QThread>
#include <QtEndian>

#include <zlib.h>

#include <algorithm>
#include <thread>
#include <vector>

namespace hpascope::report {

namespace {

// zlib's level 2: a day's report (92 MB of pixels, mostly white) in about the time level 1 takes
// (0.3 s) and 4 % smaller (3.4 MB; the default level 6 takes twice as long for 15 % less).
constexpr int kLevel = 2;

void putBigEndian(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

void chunk(QByteArray &out, const char type[4], const QByteArray &data)
{
    putBigEndian(out, quint32(data.size()));
    const qsizetype start = out.size();
    out.append(type, 4);
    out.append(data);
    const auto *bytes = reinterpret_cast<const Bytef *>(out.constData() + start);
    putBigEndian(out, quint32(crc32(0, bytes, uInt(out.size() - start))));
}

// Rows [first, last) of the image as raw deflate, each row unfiltered (filter type 0): the
// white that is most of a report compresses as well as filtered rows would, without a pass over
// every byte before zlib's. A part but the last ends in a sync flush (on a byte boundary, so the
// next part's deflate follows it), the last with the final block.
struct Part {
    QByteArray bytes;
    uLong adler = adler32(0, nullptr, 0); // of the uncompressed rows, for the stream's trailer
    uLong length = 0;
    bool ok = false;
};

Part deflatePart(const QImage &rgb, int first, int last)
{
    Part part;
    z_stream z{};
    if (deflateInit2(&z, kLevel, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return part;
    const auto rowBytes = uInt(rgb.width() * 3);
    part.bytes.resize(qsizetype(rowBytes) * 16); // grown as needed
    z.next_out = reinterpret_cast<Bytef *>(part.bytes.data());
    z.avail_out = uInt(part.bytes.size());
    const auto feed = [&](const uchar *data, uInt size, int flush) {
        part.adler = adler32(part.adler, data, size);
        part.length += size;
        z.next_in = const_cast<Bytef *>(data);
        z.avail_in = size;
        for (;;) {
            if (z.avail_out == 0) {
                const qsizetype used = part.bytes.size();
                part.bytes.resize(used * 2);
                z.next_out = reinterpret_cast<Bytef *>(part.bytes.data() + used);
                z.avail_out = uInt(part.bytes.size() - used);
            }
            const int result = deflate(&z, flush);
            if (result == Z_STREAM_ERROR || result == Z_STREAM_END
                || (z.avail_in == 0 && (flush == Z_NO_FLUSH || (flush == Z_SYNC_FLUSH && z.avail_out > 0))))
                return result != Z_STREAM_ERROR;
        }
    };
    static const uchar kNoFilter = 0;
    bool ok = true;
    for (int y = first; ok && y < last; ++y) {
        const int end = y + 1 < last ? Z_NO_FLUSH : last == rgb.height() ? Z_FINISH : Z_SYNC_FLUSH;
        ok = feed(&kNoFilter, 1, Z_NO_FLUSH) && feed(rgb.constScanLine(y), rowBytes, end);
    }
    part.bytes.resize(qsizetype(z.total_out));
    part.ok = ok;
    deflateEnd(&z);
    return part;
}

// PNG's zlib stream: the rows deflated in parts at once, one per core (pigz's way), joined.
// A part is at least this many rows: a part's start loses the window of the rows before it.
constexpr int kPartRows = 512;
constexpr int kMostParts = 8;

QByteArray deflated(const QImage &rgb)
{
    const int parts = std::clamp(std::min(QThread::idealThreadCount(), rgb.height() / kPartRows), 1, kMostParts);
    const auto rowOf = [&](int part) { return int(qint64(rgb.height()) * part / parts); };
    std::vector<Part> done(std::size_t(parts), Part{});
    {
        std::vector<std::thread> threads;
        for (int i = 1; i < parts; ++i)
            threads.emplace_back([&, i] { done[std::size_t(i)] = deflatePart(rgb, rowOf(i), rowOf(i + 1)); });
        done[0] = deflatePart(rgb, 0, rowOf(1));
        for (std::thread &t : threads)
            t.join();
    }
    QByteArray out("\x78\x5e", 2); // deflate with a 32 KiB window, "fast" (FLEVEL 1), checksum of the two
    uLong adler = adler32(0, nullptr, 0);
    for (const Part &part : done) {
        if (!part.ok)
            return {};
        out += part.bytes;
        adler = adler32_combine(adler, part.adler, z_off_t(part.length));
    }
    putBigEndian(out, quint32(adler));
    return out;
}

} // namespace

QByteArray encodePng(const QImage &image)
{
    if (image.isNull())
        return {};
    // Qt converts a large image in several threads at once.
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    QByteArray out("\x89PNG\r\n\x1a\n", 8);
    QByteArray header;
    putBigEndian(header, quint32(rgb.width()));
    putBigEndian(header, quint32(rgb.height()));
    header.append("\x08\x02\x00\x00\x00", 5); // 8 bits, RGB, deflate, adaptive filtering, no interlace
    chunk(out, "IHDR", header);
    if (rgb.dotsPerMeterX() > 0 && rgb.dotsPerMeterY() > 0) {
        QByteArray phys;
        putBigEndian(phys, quint32(rgb.dotsPerMeterX()));
        putBigEndian(phys, quint32(rgb.dotsPerMeterY()));
        phys.append('\x01'); // per metre
        chunk(out, "pHYs", phys);
    }
    chunk(out, "IDAT", deflated(rgb));
    chunk(out, "IEND", {});
    return out;
}

} // namespace hpascope::report
