#pragma once
// kube/ speaks std::string (UTF-8); Qt code needs QString. One spelling of the conversion.
#include <QString>

#include <string>

namespace hpascope {

inline QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace hpascope
