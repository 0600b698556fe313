#pragma once
// The PNG report's encoding. A day's report is one 2480 × ~12400 px image at 300 dpi (92 MB of
// pixels), almost all white: QImageWriter takes 1.6 s over it (libpng weighs five filters for
// every row, then zlib at its default level; at level 0 still 1 s), one fast zlib pass over the
// unfiltered rows 0.3 s, for a file 5 % larger (3.4 MB), and less again in parts on several cores.
#include <QByteArray>

class QImage;

namespace hpascope::report {

// An 8-bit RGB PNG of `image` (its alpha, if any, dropped), with its resolution (pHYs).
QByteArray encodePng(const QImage &image);

} // namespace hpascope::report
