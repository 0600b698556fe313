#pragma once
// Files that tell what a person watched or set (the history database, the settings) are the
// user's alone, like ~/.kube/config: the folder 0700 when hpascope creates it, the file 0600.
#include <QString>

namespace hpascope {

// Creates `path` (empty) and its folder when missing and makes the file user-only. Empty on
// success, else why not ("it is a folder", the OS's reason).
QString makeUserOnly(const QString &path);

// The same for QSettings' own file (hpascope.conf): created user-only before the first write,
// as QSettings keeps an existing file's mode when it rewrites it.
QString protectSettings();

} // namespace hpascope
