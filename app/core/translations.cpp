#include "app/core/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <cstring>

namespace hpascope {

namespace {

QString g_current = QStringLiteral("en");

const QStringList &translated()
{
    static const QStringList langs = {QStringLiteral("ja")};
    return langs;
}

} // namespace

QString takeLanguageArgument(int &argc, char **argv)
{
    QString lang;
    int out = 1;
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        if (std::strcmp(a, "--") == 0) { // everything after it is positional
            for (; i < argc; ++i)
                argv[out++] = argv[i];
            break;
        }
        if (std::strcmp(a, "--lang") == 0 && i + 1 < argc) {
            lang = QString::fromLocal8Bit(argv[++i]);
            continue;
        }
        if (std::strncmp(a, "--lang=", 7) == 0) {
            lang = QString::fromLocal8Bit(a + 7);
            continue;
        }
        argv[out++] = argv[i];
    }
    argc = out;
    argv[argc] = nullptr;
    return lang;
}

QStringList availableLanguages()
{
    return QStringList{QStringLiteral("en")} + translated();
}

namespace {

// The first of the system's UI languages hpascope has a translation for, or English when English
// comes first (or none is translated).
QString systemLanguage()
{
    for (const QString &ui : QLocale::system().uiLanguages()) {
        const QString code = QLocale::languageToCode(QLocale(ui).language());
        if (code == QLatin1String("en") || translated().contains(code))
            return code;
    }
    return QStringLiteral("en");
}

} // namespace

QString installTranslations(QCoreApplication &app, const QString &requested)
{
    g_current = QStringLiteral("en");
    QString lang = requested.trimmed();
    if (lang.isEmpty())
        lang = QSettings().value(QLatin1String(kLanguageSetting)).toString().trimmed();
    QString language;
    if (lang.isEmpty()) {
        language = systemLanguage();
    } else {
        const QLocale locale(lang);
        if (locale.language() == QLocale::C)
            return QCoreApplication::translate("Translations", "unknown language \"%1\"; hpascope speaks %2")
                .arg(lang, availableLanguages().join(QLatin1String(", ")));
        QLocale::setDefault(locale); // numbers and dates follow the language asked for
        language = QLocale::languageToCode(locale.language());
        if (language != QLatin1String("en") && !translated().contains(language))
            return QCoreApplication::translate("Translations", "hpascope has no translation for \"%1\" yet; it speaks %2")
                .arg(lang, availableLanguages().join(QLatin1String(", ")));
    }
    if (language == QLatin1String("en"))
        return {};
    auto *ours = new QTranslator(&app);
    if (!ours->load(QStringLiteral("hpascope_") + language, QStringLiteral(":/i18n"))) {
        delete ours;
        return QCoreApplication::translate("Translations", "the %1 translation is missing from this build").arg(language);
    }
    QCoreApplication::installTranslator(ours);
    // Qt's own texts (QDialogButtonBox, QFileDialog, QLineEdit's menu), where Qt ships them.
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    g_current = language;
    return {};
}

QString currentLanguage()
{
    return g_current;
}

} // namespace hpascope
