#pragma once
// `hpascope push`: writes a fake custom metric value to the custom-metrics test adapter from the
// command line and reads it back, synchronously, with no window:
//
//   hpascope push [--kubeconfig F] [--context C] [-n NS] <kind>/<name> <metric> <quantity>
//   hpascope push [--kubeconfig F] [--context C] [-n NS] --pods <selector> <metric> <quantity>
//
// plus --labels k=v,... (stored with the value, for metrics with a selector), the adapter's
// location --adapter-namespace / --adapter-service / --adapter-port, and --history FILE: each
// push that sent something is recorded there (default: hpascope's own history), so a report
// lists it like the window's pushes.
#include "kube/api/hpa.h"
#include "kube/core/result.h"

#include <QStringList>
#include <QTextStream>

namespace hpascope::cli {

// Exit codes of runPush.
enum PushExit {
    PushOk = 0,
    PushFailed = 1,      // the cluster refused or could not be reached (adapter missing, 403, ...)
    PushUsage = 2,       // bad arguments, including a bad quantity: nothing was sent
    PushNoConfig = 3,    // no usable kubeconfig / context
    PushReadBackFailed = 4, // written, but custom.metrics.k8s.io did not return it
};

// args as cli::run passes them: args[0] is the program name (skipped, as QCommandLineParser
// does), then everything after "push".
int runPush(const QStringList &args, QTextStream &out, QTextStream &err);

// "service/web", "svc/web", "deployment.apps/web", "Widget.example.com/w1" -> apiVersion, Kind,
// name. Unknown kinds are taken as a singular Kind, optionally followed by ".group".
kube::Result<kube::api::CrossVersionObjectReference> parseObjectArgument(const QString &text);

} // namespace hpascope::cli
