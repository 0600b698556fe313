#pragma once
// A strict RFC 4180 reader for tests of `hpascope export --csv`: records end in CRLF (a bare CR
// or LF outside quotes is an error), a field holding , " CR or LF is quoted with its quotes
// doubled, nothing may follow a closing quote but a comma or the record's end.
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace hpascope::test {

inline std::optional<std::vector<QStringList>> readCsv(const QString &text, QString *error = nullptr)
{
    const auto bad = [&](const QString &why, qsizetype at) -> std::optional<std::vector<QStringList>> {
        if (error)
            *error = QStringLiteral("%1 at offset %2").arg(why).arg(at);
        return std::nullopt;
    };
    std::vector<QStringList> rows;
    QStringList row;
    QString field;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text[i] == QLatin1Char('"')) { // a quoted field
            for (++i;; ++i) {
                if (i >= n)
                    return bad(QStringLiteral("unterminated quote"), i);
                if (text[i] == QLatin1Char('"')) {
                    if (i + 1 < n && text[i + 1] == QLatin1Char('"')) {
                        field += QLatin1Char('"');
                        ++i;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i];
            }
            if (i < n && text[i] != QLatin1Char(',') && text[i] != QLatin1Char('\r'))
                return bad(QStringLiteral("text after a closing quote"), i);
        }
        while (i < n && text[i] != QLatin1Char(',') && text[i] != QLatin1Char('\r')) {
            if (text[i] == QLatin1Char('"') || text[i] == QLatin1Char('\n'))
                return bad(QStringLiteral("a quote or line feed in an unquoted field"), i);
            field += text[i++];
        }
        row << field;
        field.clear();
        if (i < n && text[i] == QLatin1Char(',')) {
            ++i;
            if (i == n)
                return bad(QStringLiteral("the last record does not end in CRLF"), i);
            continue;
        }
        if (i < n) { // CR
            if (i + 1 >= n || text[i + 1] != QLatin1Char('\n'))
                return bad(QStringLiteral("a CR without LF"), i);
            i += 2;
        } else {
            return bad(QStringLiteral("the last record does not end in CRLF"), i);
        }
        rows.push_back(row);
        row.clear();
    }
    return rows;
}

} // namespace hpascope::test
