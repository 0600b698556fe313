#include "app/core/private_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace hpascope {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(PrivateFile)
};
} // namespace

QString makeUserOnly(const QString &path)
{
    const QString dir = QFileInfo(path).absolutePath();
    const bool existed = QFileInfo::exists(dir);
    if (!QDir().mkpath(dir))
        return Tr::tr("cannot create the folder");
    if (!existed)
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (QFileInfo(path).isDir())
        return Tr::tr("it is a folder");
    QFile file(path);
    if (!file.exists() && !file.open(QIODevice::WriteOnly))
        return file.errorString();
    file.close();
    if (!file.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
        return file.errorString();
    return {};
}

QString protectSettings()
{
    const QSettings settings;
    if (settings.format() != QSettings::NativeFormat && settings.format() != QSettings::IniFormat)
        return {};
    return makeUserOnly(settings.fileName());
}

} // namespace hpascope
