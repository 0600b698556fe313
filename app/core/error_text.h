#pragma once
// kube/'s errors in the UI's language. kube/ words its errors in English, with specifics that
// stay as they are (the kubeconfig's file and line, the entry, the server's own message); in
// another language this puts a translated lead before them, chosen by the error's
// machine-readable reason, else its kind or HTTP status:
//   "kubeconfig の YAML が正しくありません: /home/me/.kube/config:12: ..."
// In English the text is kube's own.
#include "kube/core/result.h"
#include "kube/watch/reflector.h"

#include <QString>

namespace hpascope {

// The lead alone ("The kubeconfig is not valid YAML"), in the UI's language.
QString errorLead(const kube::Error &e);
// e.toString() (or e.message without its detail), led by errorLead in a language other than
// English.
QString errorText(const kube::Error &e, bool withDetail = true);
// Why a watch is not live, in the UI's language: its failure (errorText without detail), or why
// it lists again; empty when live.
QString watchStateText(const kube::watch::ConnectionState &state);

} // namespace hpascope
