#pragma once
// The recorder's coverage and condition tables, on the recorder's thread (see recorder_worker.h):
// when hpascope watched a scope, and each change of an HPA's conditions.
#include "app/core/recorder_statements.h"

#include <vector>

namespace hpascope::recorder_sql {

// Each span replaces the one with the same (context, namespace, from): a live watch's span is
// written again, longer, every few seconds.
bool writeWatched(Statements &st, const RecorderBatch &batch);
// A condition is stored only when it differs from the HPA's latest stored one of its type.
bool writeConditions(Statements &st, const RecorderBatch &batch);

// The watches that touch [fromMs, toMs] of namespace `ns` and of every namespace (ns empty: all
// watches), oldest first; coverageOf() merges them for one namespace.
std::vector<WatchedSpan> selectWatched(Statements &st, const QString &context, const QString &ns, qint64 fromMs,
                                    qint64 toMs);
// One HPA's conditions: for each type the state it was in at fromMs (its latest row before),
// then every change in [fromMs, toMs], oldest first.
std::vector<ConditionRecord> selectConditions(Statements &st, const QString &context, const QString &ns,
                                              const QString &name, qint64 fromMs, qint64 toMs);

} // namespace hpascope::recorder_sql
