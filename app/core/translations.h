#pragma once
// The UI language: chosen once at start-up, before any text is made.
//   1. --lang LANG on the command line (hpascope --lang ja, hpascope report --lang ja ...);
//   2. the setting ui/language (the Settings dialog writes it);
//   3. the system's UI languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
// English is the source language; a language without a translation falls back to it, and says so.
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace hpascope {

inline constexpr const char *kLanguageSetting = "ui/language";

// Takes "--lang X" or "--lang=X" out of argv (so every parser after it accepts the command
// line) and returns X, or an empty string when it is not there. argc is updated.
QString takeLanguageArgument(int &argc, char **argv);

// The languages hpascope has a translation for, English first: {"en", "ja"}.
QStringList availableLanguages();

// Installs the translation of `requested` (or, when empty, of the setting or the system) into
// app, with Qt's own (standard buttons and dialogs), and makes its locale the default for
// numbers and dates when the language was asked for by name. Returns a warning to show, or an
// empty string: an unknown language, or one hpascope has no translation for.
QString installTranslations(QCoreApplication &app, const QString &requested);

// The language in use after installTranslations: "ja", or "en".
QString currentLanguage();

} // namespace hpascope
