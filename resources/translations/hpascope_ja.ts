<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ClusterFlags</name>
    <message>
        <source>Path to the kubeconfig file (overrides KUBECONFIG).</source>
        <translation>kubeconfig ファイルのパス（KUBECONFIG より優先）。</translation>
    </message>
    <message>
        <source>The kubeconfig context to use.</source>
        <translation>使用する kubeconfig のコンテキスト。</translation>
    </message>
    <message>
        <source>-n and -A exclude each other</source>
        <translation>-n と -A は同時に指定できません</translation>
    </message>
    <message>
        <source>Set KUBECONFIG or pass --kubeconfig FILE.</source>
        <translation>KUBECONFIG を設定するか、--kubeconfig FILE を指定してください。</translation>
    </message>
</context>
<context>
    <name>ConnectionState</name>
    <message>
        <source>No cluster configured</source>
        <translation>クラスターが設定されていません</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続中…</translation>
    </message>
    <message>
        <source>Live: %1</source>
        <translation>ライブ: %1</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s</source>
        <translation>%1 秒後に再接続</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Cannot connect with this kubeconfig</source>
        <translation>この kubeconfig では接続できません</translation>
    </message>
</context>
<context>
    <name>Explainer</name>
    <message>
        <source>The controller has not synced this HPA yet.</source>
        <translation>コントローラーはまだこの HPA を同期していません。</translation>
    </message>
    <message>
        <source>The controller cannot read the scale of its target %1: %2. Check that %3 exists in namespace %4 (kubectl get %3 -n %4).</source>
        <translation>コントローラーはターゲット %1 のスケールを読み取れません: %2。Namespace %4 に %3 が存在するか確認してください（kubectl get %3 -n %4）。</translation>
    </message>
    <message>
        <source>The controller could not change the replicas of %1: %2.</source>
        <translation>コントローラーは %1 のレプリカ数を変更できませんでした: %2。</translation>
    </message>
    <message>
        <source>Autoscaling is off: %1 has 0 replicas, and the controller leaves a target at zero alone while minReplicas is %2. Scale it above 0 to resume.</source>
        <translation>オートスケールは停止中です: %1 のレプリカ数が 0 で、minReplicas が %2 の間、コントローラーはレプリカ数 0 のターゲットに手を触れません。再開するには 1 以上にスケールしてください。</translation>
    </message>
    <message>
        <source>Metric unavailable (%1): %2.</source>
        <translation>メトリクスを取得できません（%1）: %2。</translation>
    </message>
    <message>
        <source>Scaling is not active (%1): %2.</source>
        <translation>スケーリングが有効ではありません（%1）: %2。</translation>
    </message>
    <message>
        <source>While a metric is unavailable the controller never scales down; it still scales up on the metrics it can read.</source>
        <translation>取得できないメトリクスがある間、コントローラーはスケールダウンを一切行いません。読み取れるメトリクスによるスケールアップは行います。</translation>
    </message>
    <message>
        <source>Metric %1 is %2 vs target %3 (ratio %4, within the %5 tolerance): replicas stay at %6.</source>
        <translation>メトリクス %1 は %2、目標値 %3（比率 %4、許容範囲 %5 の内側）: レプリカ数は %6 のままです。</translation>
    </message>
    <message>
        <source>Metric %1 is %2 vs target %3 (ratio %4, outside the %5 tolerance): replicas %6 → %7.</source>
        <translation>メトリクス %1 は %2、目標値 %3（比率 %4、許容範囲 %5 の外側）: レプリカ数 %6 → %7。</translation>
    </message>
    <message>
        <source>Metric %1 is %2 vs target %3 (ratio %4, outside the %5 tolerance), but counting the pods without a value keeps the replicas at %6.</source>
        <translation>メトリクス %1 は %2、目標値 %3（比率 %4、許容範囲 %5 の外側）ですが、値のない Pod を数に入れるとレプリカ数は %6 のままです。</translation>
    </message>
    <message>
        <source>Metric %1 is %2 vs target %3 (ratio %4, outside the %5 tolerance), but the controller rounds up: %4 × %6 replicas is still %6 after rounding up, so replicas stay at %6.</source>
        <translation>メトリクス %1 は %2、目標値 %3（比率 %4、許容範囲 %5 の外側）ですが、コントローラーは切り上げます: %4 × %6 レプリカは切り上げても %6 なので、レプリカ数は %6 のままです。</translation>
    </message>
    <message>
        <source>Metric %1 has no current value yet.</source>
        <translation>メトリクス %1 にはまだ現在値がありません。</translation>
    </message>
    <message>
        <source>%1 of %2 pods have no value of %3: the controller counts them as 0 on scale-up and as at target on scale-down.</source>
        <translation>%2 個の Pod のうち %1 個に %3 の値がありません: コントローラーはスケールアップ時にはそれらを 0、スケールダウン時には目標値ちょうどとして数えます。</translation>
    </message>
    <message>
        <source>The largest proposal wins: %2 asks for %1.</source>
        <translation>最大の提案が採用されます: %2 が %1 を求めています。</translation>
    </message>
    <message>
        <source>At maxReplicas %1: the metrics ask for %2.</source>
        <translation>maxReplicas %1 に到達: メトリクスは %2 を求めています。</translation>
    </message>
    <message>
        <source>At minReplicas %1: the metrics ask for %2.</source>
        <translation>minReplicas %1 に到達: メトリクスは %2 を求めています。</translation>
    </message>
    <message>
        <source>At maxReplicas %1: a higher recommendation of the stabilization window still counts (the metrics now ask for %2).</source>
        <translation>maxReplicas %1 に到達: 安定化ウィンドウ内のより高い推奨値がまだ有効です（メトリクスは現在 %2 を求めています）。</translation>
    </message>
    <message>
        <source>At minReplicas %1: a lower recommendation of the stabilization window still counts (the metrics now ask for %2).</source>
        <translation>minReplicas %1 に到達: 安定化ウィンドウ内のより低い推奨値がまだ有効です（メトリクスは現在 %2 を求めています）。</translation>
    </message>
    <message>
        <source>Scale-up is limited by policy %1 per %2 s (selectPolicy %3): the metrics ask for %4, this period allows %5.</source>
        <translation>スケールアップはポリシー %1（%2 秒あたり、selectPolicy %3）で制限されています: メトリクスは %4 を求めていますが、この期間に許されるのは %5 です。</translation>
    </message>
    <message>
        <source>Scale-up is limited to %1 per sync (max(2 × %2, 4), the rule while spec.behavior is unset): the metrics ask for %3.</source>
        <translation>スケールアップは 1 回の同期あたり %1 に制限されています（max(2 × %2, 4)、spec.behavior が未設定のときの規則）: メトリクスは %3 を求めています。</translation>
    </message>
    <message>
        <source>Scale-down is limited by policy %1 per %2 s (selectPolicy %3): the metrics ask for %4, this period allows %5.</source>
        <translation>スケールダウンはポリシー %1（%2 秒あたり、selectPolicy %3）で制限されています: メトリクスは %4 を求めていますが、この期間に許されるのは %5 です。</translation>
    </message>
    <message>
        <source>Scale-up is disabled by the HPA&apos;s behavior (scaleUp.selectPolicy: Disabled): the metrics ask for %1, replicas stay at %2.</source>
        <translation>スケールアップは HPA の behavior で無効になっています（scaleUp.selectPolicy: Disabled）: メトリクスは %1 を求めていますが、レプリカ数は %2 のままです。</translation>
    </message>
    <message>
        <source>Scale-down is disabled by the HPA&apos;s behavior (scaleDown.selectPolicy: Disabled): the metrics ask for %1, replicas stay at %2.</source>
        <translation>スケールダウンは HPA の behavior で無効になっています（scaleDown.selectPolicy: Disabled）: メトリクスは %1 を求めていますが、レプリカ数は %2 のままです。</translation>
    </message>
    <message>
        <source>Scale-down is held by the %1 s stabilization window (spec.behavior.scaleDown.stabilizationWindowSeconds).</source>
        <translation>スケールダウンは %1 秒の安定化ウィンドウで保留されています（spec.behavior.scaleDown.stabilizationWindowSeconds）。</translation>
    </message>
    <message>
        <source>Scale-down is held by the %1 s stabilization window (the controller&apos;s --horizontal-pod-autoscaler-downscale-stabilization: spec.behavior.scaleDown.stabilizationWindowSeconds is unset).</source>
        <translation>スケールダウンは %1 秒の安定化ウィンドウで保留されています（コントローラーの --horizontal-pod-autoscaler-downscale-stabilization。spec.behavior.scaleDown.stabilizationWindowSeconds は未設定）。</translation>
    </message>
    <message>
        <source>Scale-down is held by the %1 s stabilization window (the controller&apos;s --horizontal-pod-autoscaler-downscale-stabilization: spec.behavior is unset).</source>
        <translation>スケールダウンは %1 秒の安定化ウィンドウで保留されています（コントローラーの --horizontal-pod-autoscaler-downscale-stabilization。spec.behavior は未設定）。</translation>
    </message>
    <message>
        <source>Scale-up is held by the %1 s scale-up stabilization window: the lowest recent recommendation is %2.</source>
        <translation>スケールアップは %1 秒のスケールアップ安定化ウィンドウで保留されています: 直近の最小の推奨値は %2 です。</translation>
    </message>
    <message>
        <source>If %1 stays at %2: %3.</source>
        <translation>%1 が %2 のままなら: %3。</translation>
    </message>
    <message>
        <source>If the metrics stay as they are: %1.</source>
        <translation>メトリクスが今のままなら: %1。</translation>
    </message>
    <message>
        <source>%1 → %2 at %3 (in %4 s)</source>
        <translation>%3 に %1 → %2（%4 秒後）</translation>
    </message>
    <message>
        <source>%1 → %2 between %3 and %4 (in %5 s at the latest)</source>
        <translation>%3 から %4 の間に %1 → %2（遅くとも %5 秒後）</translation>
    </message>
    <message>
        <source>→ %1 at %2</source>
        <translation>→ %1（%2）</translation>
    </message>
    <message>
        <source>hpascope has not watched this HPA for the whole window: these are the latest times, the controller may act sooner.</source>
        <translation>hpascope はこの HPA をウィンドウの全期間にわたって監視していません: これらは最も遅い場合の時刻で、コントローラーはもっと早く動く可能性があります。</translation>
    </message>
    <message>
        <source>Just after a rescale the controller may still count the old number of pods: the next sync tells which of the possible paths holds.</source>
        <translation>リスケール直後は、コントローラーがまだ古い Pod 数で数えている可能性があります: どの経路になるかは次の同期でわかります。</translation>
    </message>
    <message>
        <source>The controller&apos;s last sync changed the replicas %1 → %2.</source>
        <translation>コントローラーの直前の同期でレプリカ数が %1 → %2 に変わりました。</translation>
    </message>
    <message>
        <source>Stable: replicas stay at %1; no metric asks for a change.</source>
        <translation>安定: レプリカ数は %1 のままです。変更を求めるメトリクスはありません。</translation>
    </message>
    <message>
        <source>hpascope&apos;s replay of the last sync gives %1 (%2) where the controller decided %3 (%4); this explanation follows the controller. Pods without metric values or not ready, or controller flags other than these (sync %5 s, scale-down window %6 s, tolerance %7), would explain it.</source>
        <translation>hpascope による直前の同期の再現では %1（%2）ですが、コントローラーは %3（%4）と判断しました。この説明はコントローラーの判断に従っています。メトリクス値のない Pod や Ready でない Pod、またはこれと異なるコントローラーのフラグ（同期 %5 秒、スケールダウンウィンドウ %6 秒、許容範囲 %7）で説明がつきます。</translation>
    </message>
    <message>
        <source>Assumed: Kubernetes&apos; default controller flags (sync %1 s, scale-down window %2 s, tolerance %3). If this cluster&apos;s controller runs with others, set them under Controller flags.</source>
        <translation>想定: Kubernetes の既定のコントローラーフラグ（同期 %1 秒、スケールダウンウィンドウ %2 秒、許容範囲 %3）。このクラスターのコントローラーが別の値で動いている場合は「コントローラーフラグ」で設定してください。</translation>
    </message>
    <message>
        <source>Controller flags as set for this context in hpascope: sync %1 s, scale-down window %2 s, tolerance %3.</source>
        <translation>hpascope でこのコンテキストに設定されたコントローラーフラグ: 同期 %1 秒、スケールダウンウィンドウ %2 秒、許容範囲 %3。</translation>
    </message>
    <message>
        <source>Controller flags as the cluster publishes them (ConfigMap %4): sync %1 s, scale-down window %2 s, tolerance %3.</source>
        <translation>クラスターが公開しているコントローラーフラグ（ConfigMap %4）: 同期 %1 秒、スケールダウンウィンドウ %2 秒、許容範囲 %3。</translation>
    </message>
    <message>
        <source>From the scale-downs hpascope saw (%1), the controller&apos;s scale-down window is between %2 and %3 s.</source>
        <translation>hpascope が観測したスケールダウン（%1）から、コントローラーのスケールダウンウィンドウは %2 秒から %3 秒の間です。</translation>
    </message>
    <message>
        <source>From the scale-downs hpascope saw (%1), the controller&apos;s scale-down window is between %2 and %3 s, not the assumed %4 s — set it under Controller flags.</source>
        <translation>hpascope が観測したスケールダウン（%1）から、コントローラーのスケールダウンウィンドウは %2 秒から %3 秒の間で、想定の %4 秒ではありません — 「コントローラーフラグ」で設定してください。</translation>
    </message>
    <message>
        <source>The scale-downs hpascope saw (%1) fit no single scale-down window: the controller&apos;s sync period may be longer than the assumed %2 s, its flags may have changed, or it restarted while a window held.</source>
        <translation>hpascope が観測したスケールダウン（%1）はどの単一のスケールダウンウィンドウにも合いません: コントローラーの同期周期が想定の %2 秒より長いか、フラグが変更されたか、ウィンドウの保留中に再起動した可能性があります。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>The recorded samples of one HPA as CSV: one row per sample.</source>
        <translation>1 つの HPA の記録済みサンプルを CSV で出力します（1 サンプル 1 行）。</translation>
    </message>
    <message>
        <source>Write CSV (the only format so far).</source>
        <translation>CSV で出力します（現在はこの形式のみ）。</translation>
    </message>
    <message>
        <source>The CSV file, or - for standard output (the default).</source>
        <translation>CSV ファイル。- なら標準出力（既定）。</translation>
    </message>
    <message>
        <source>give --csv (the only format so far)</source>
        <translation>--csv を指定してください（現在はこの形式のみ）</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>wrote %1 (1 sample)</source>
        <translation>%1 に書き込みました（1 サンプル）</translation>
    </message>
    <message>
        <source>wrote %1 (%2 samples)</source>
        <translation>%1 に書き込みました（%2 サンプル）</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <source>; run with --record-for DURATION (5m) to record it first</source>
        <translation>。先に記録するには --record-for DURATION（5m など）を付けて実行してください</translation>
    </message>
    <message>
        <source>there is no HPA %1/%2 in context %3, and hpascope has recorded none</source>
        <translation>コンテキスト %3 に HPA %1/%2 はなく、hpascope も記録していません</translation>
    </message>
    <message>
        <source>hpascope has recorded nothing yet (no history at %1): open the window on this cluster, or run with --record-for DURATION, to record it</source>
        <translation>hpascope はまだ何も記録していません（%1 に履歴がありません）: このクラスターでウィンドウを開くか、--record-for DURATION を付けて実行して記録してください</translation>
    </message>
    <message>
        <source>there is no HPA %1/%2 in context %3</source>
        <translation>コンテキスト %3 に HPA %1/%2 はありません</translation>
    </message>
    <message>
        <source>cannot record %1/%2: %3</source>
        <translation>%1/%2 を記録できません: %3</translation>
    </message>
</context>
<context>
    <name>HistoryFlags</name>
    <message>
        <source>The HPA&apos;s namespace.</source>
        <translation>HPA の Namespace。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>このヘルプを表示します。</translation>
    </message>
    <message>
        <source>The last DURATION (30m, 2h, 1h30m).</source>
        <translation>直近の DURATION（30m、2h、1h30m）。</translation>
    </message>
    <message>
        <source>Start (2024-05-01T14:00, local time unless an offset is given).</source>
        <translation>開始時刻（2024-05-01T14:00。オフセットがなければローカル時刻）。</translation>
    </message>
    <message>
        <source>End (default: now).</source>
        <translation>終了時刻（既定: 現在）。</translation>
    </message>
    <message>
        <source>The history database (default: hpascope&apos;s own).</source>
        <translation>履歴データベース（既定: hpascope 自身のもの）。</translation>
    </message>
    <message>
        <source>Do not contact the cluster: the history alone.</source>
        <translation>クラスターに接続せず、履歴だけを使います。</translation>
    </message>
    <message>
        <source>First watch the cluster live for DURATION (5m), recording into the history; Ctrl+C stops early. Without --since or --from the range is what was recorded.</source>
        <translation>まず DURATION（5m など）の間クラスターをライブで監視し、履歴に記録します。Ctrl+C で早めに終了できます。--since も --from もなければ、記録した範囲が対象になります。</translation>
    </message>
    <message>
        <source>The HorizontalPodAutoscaler&apos;s name.</source>
        <translation>HorizontalPodAutoscaler の名前。</translation>
    </message>
    <message>
        <source>name one HPA (%1)</source>
        <translation>HPA を 1 つ指定してください（%1）</translation>
    </message>
    <message>
        <source>--record-for %1 is not a duration (30s, 5m, 1h)</source>
        <translation>--record-for %1 は期間ではありません（30s、5m、1h）</translation>
    </message>
    <message>
        <source>--record-for watches the cluster: it cannot go with --offline</source>
        <translation>--record-for はクラスターを監視するため、--offline とは併用できません</translation>
    </message>
    <message>
        <source>give either --since DURATION or --from TIME</source>
        <translation>--since DURATION か --from TIME のどちらかを指定してください</translation>
    </message>
    <message>
        <source>--since %1 is not a duration (30m, 2h, 1h30m)</source>
        <translation>--since %1 は期間ではありません（30m、2h、1h30m）</translation>
    </message>
    <message>
        <source>--from and --to must be times (2024-05-01T14:00), --from before --to</source>
        <translation>--from と --to は時刻（2024-05-01T14:00）で、--from が --to より前でなければなりません</translation>
    </message>
</context>
<context>
    <name>HpaBehavior</name>
    <message>
        <source>1 minute</source>
        <translation>1 分</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>per %1 s</source>
        <translation>%1 秒あたり</translation>
    </message>
    <message>
        <source>1 pod</source>
        <translation>1 Pod</translation>
    </message>
    <message>
        <source>%1 pods</source>
        <translation>%1 Pod</translation>
    </message>
    <message>
        <source>%1 % %2</source>
        <translation>%1 % %2</translation>
    </message>
    <message>
        <source>%1 (unknown policy type) %2</source>
        <translation>%1（不明なポリシー種別）%2</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation>（既定）</translation>
    </message>
    <message>
        <source> (controller flag)</source>
        <translation>（コントローラーフラグ）</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 % (default)</source>
        <translation>%1 %（既定）</translation>
    </message>
    <message>
        <source>Scale up</source>
        <translation>スケールアップ</translation>
    </message>
    <message>
        <source>Scale down</source>
        <translation>スケールダウン</translation>
    </message>
    <message>
        <source>Scale-up</source>
        <translation>スケールアップ</translation>
    </message>
    <message>
        <source>Scale-down</source>
        <translation>スケールダウン</translation>
    </message>
    <message>
        <source>%1: disabled (selectPolicy: Disabled).</source>
        <translation>%1: 無効（selectPolicy: Disabled）。</translation>
    </message>
    <message>
        <source>no stabilization window</source>
        <translation>安定化ウィンドウなし</translation>
    </message>
    <message>
        <source>waits for a %1 s stabilization window (the lowest recommendation of the last %2 wins)</source>
        <translation>%1 秒の安定化ウィンドウを待ちます（直近 %2 の最小の推奨値を採用）</translation>
    </message>
    <message>
        <source>waits for a %1 s stabilization window (the highest recommendation of the last %2 wins)</source>
        <translation>%1 秒の安定化ウィンドウを待ちます（直近 %2 の最大の推奨値を採用）</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>最大 %1</translation>
    </message>
    <message>
        <source>at most the smaller of %1</source>
        <translation>%1 のうち小さい方まで</translation>
    </message>
    <message>
        <source>at most the larger of %1</source>
        <translation>%1 のうち大きい方まで</translation>
    </message>
    <message>
        <source>%1: %2; %3.</source>
        <translation>%1: %2、%3。</translation>
    </message>
    <message>
        <source>spec.behavior is set (fields it leaves out take the API defaults). %1 %2</source>
        <translation>spec.behavior が設定されています（省略されたフィールドは API の既定値）。%1 %2</translation>
    </message>
    <message>
        <source>0 s (none)</source>
        <translation>0 秒（なし）</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>at most max(2× current, 4) pods per sync</source>
        <translation>1 回の同期あたり最大 max(2× 現在数, 4) Pod</translation>
    </message>
    <message>
        <source>Scale-up: at most max(2× current, 4) pods per sync.</source>
        <translation>スケールアップ: 1 回の同期あたり最大 max(2× 現在数, 4) Pod。</translation>
    </message>
    <message>
        <source>no rate limit once the window allows it</source>
        <translation>ウィンドウが許せば速度制限なし</translation>
    </message>
    <message>
        <source>Scale-down: waits for a %1 s stabilization window.</source>
        <translation>スケールダウン: %1 秒の安定化ウィンドウを待ちます。</translation>
    </message>
    <message>
        <source>spec.behavior is unset: the controller uses its defaults — scale-down waits for a %1 s stabilization window (the highest recommendation of the last %2 wins); scale-up at most max(2× current, 4) pods per sync.</source>
        <translation>spec.behavior は未設定: コントローラーは既定値を使います — スケールダウンは %1 秒の安定化ウィンドウを待ち（直近 %2 の最大の推奨値を採用）、スケールアップは 1 回の同期あたり最大 max(2× 現在数, 4) Pod。</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Stabilization window</source>
        <translation>安定化ウィンドウ</translation>
    </message>
    <message>
        <source>Select policy</source>
        <translation>ポリシーの選択</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>ポリシー</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>許容範囲</translation>
    </message>
</context>
<context>
    <name>HpaDetail</name>
    <message>
        <source>no current value reported by the controller yet</source>
        <translation>コントローラーはまだ現在値を報告していません</translation>
    </message>
    <message>
        <source>&lt;unset&gt;</source>
        <translation>&lt;未設定&gt;</translation>
    </message>
    <message>
        <source>average value per pod: %1</source>
        <translation>Pod あたりの平均値: %1</translation>
    </message>
    <message>
        <source> (%1 total over %2 pods)</source>
        <translation>（%2 Pod で合計 %1）</translation>
    </message>
    <message>
        <source>the controller reports the metric&apos;s total divided by the replicas; the total is that average times %1 (status.currentReplicas)</source>
        <translation>コントローラーはメトリクスの合計をレプリカ数で割った値を報告します。合計はその平均の %1 倍です（status.currentReplicas）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>KubeError</name>
    <message>
        <source>No kubeconfig was found</source>
        <translation>kubeconfig が見つかりません</translation>
    </message>
    <message>
        <source>The kubeconfig file does not exist</source>
        <translation>kubeconfig ファイルが存在しません</translation>
    </message>
    <message>
        <source>The kubeconfig cannot be read</source>
        <translation>kubeconfig を読み取れません</translation>
    </message>
    <message>
        <source>The kubeconfig is not valid YAML</source>
        <translation>kubeconfig が正しい YAML ではありません</translation>
    </message>
    <message>
        <source>The kubeconfig is invalid</source>
        <translation>kubeconfig が正しくありません</translation>
    </message>
    <message>
        <source>The kubeconfig is empty</source>
        <translation>kubeconfig が空です</translation>
    </message>
    <message>
        <source>The kubeconfig names no context</source>
        <translation>kubeconfig にコンテキストの指定がありません</translation>
    </message>
    <message>
        <source>The context is not in the kubeconfig</source>
        <translation>コンテキストが kubeconfig にありません</translation>
    </message>
    <message>
        <source>This kind of credentials is not supported</source>
        <translation>この種類の認証情報には対応していません</translation>
    </message>
    <message>
        <source>A certificate or key is invalid</source>
        <translation>証明書または鍵が正しくありません</translation>
    </message>
    <message>
        <source>The token file cannot be read</source>
        <translation>トークンファイルを読み取れません</translation>
    </message>
    <message>
        <source>The credential plugin was not found</source>
        <translation>認証プラグインが見つかりません</translation>
    </message>
    <message>
        <source>The credential plugin failed</source>
        <translation>認証プラグインが失敗しました</translation>
    </message>
    <message>
        <source>The credential plugin did not answer in time</source>
        <translation>認証プラグインが時間内に応答しませんでした</translation>
    </message>
    <message>
        <source>The credential plugin&apos;s output is invalid</source>
        <translation>認証プラグインの出力が正しくありません</translation>
    </message>
    <message>
        <source>The credential plugin needs a terminal</source>
        <translation>認証プラグインが端末での操作を求めています</translation>
    </message>
    <message>
        <source>The API server stopped answering</source>
        <translation>API サーバーが応答しなくなりました</translation>
    </message>
    <message>
        <source>The connection was refused</source>
        <translation>接続が拒否されました</translation>
    </message>
    <message>
        <source>The answer is too large</source>
        <translation>応答が大きすぎます</translation>
    </message>
    <message>
        <source>The kubeconfig has a problem</source>
        <translation>kubeconfig に問題があります</translation>
    </message>
    <message>
        <source>The credentials could not be obtained</source>
        <translation>認証情報を取得できませんでした</translation>
    </message>
    <message>
        <source>The API server cannot be reached</source>
        <translation>API サーバーに到達できません</translation>
    </message>
    <message>
        <source>The host name could not be resolved</source>
        <translation>ホスト名を解決できませんでした</translation>
    </message>
    <message>
        <source>The TLS connection failed</source>
        <translation>TLS 接続に失敗しました</translation>
    </message>
    <message>
        <source>Not signed in (401)</source>
        <translation>サインインしていません（401）</translation>
    </message>
    <message>
        <source>Access refused (403)</source>
        <translation>アクセスが拒否されました（403）</translation>
    </message>
    <message>
        <source>Not found (404)</source>
        <translation>見つかりません（404）</translation>
    </message>
    <message>
        <source>The API server answered %1</source>
        <translation>API サーバーの応答: %1</translation>
    </message>
    <message>
        <source>The answer could not be read</source>
        <translation>応答を読み取れませんでした</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセルされました</translation>
    </message>
    <message>
        <source>Invalid input</source>
        <translation>入力が正しくありません</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>an error&apos;s translated lead, then kube&apos;s own English text</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The Prometheus address is invalid</source>
        <translation>Prometheus のアドレスが正しくありません</translation>
    </message>
    <message>
        <source>Prometheus cannot be reached</source>
        <translation>Prometheus に接続できません</translation>
    </message>
    <message>
        <source>Access to Prometheus was refused</source>
        <translation>Prometheus へのアクセスが拒否されました</translation>
    </message>
    <message>
        <source>Prometheus refused the query</source>
        <translation>Prometheus がクエリを拒否しました</translation>
    </message>
    <message>
        <source>The Prometheus query failed</source>
        <translation>Prometheus のクエリが失敗しました</translation>
    </message>
    <message>
        <source>The answer is not from Prometheus</source>
        <translation>応答が Prometheus からのものではありません</translation>
    </message>
    <message>
        <source>Prometheus has no kube-state-metrics HPA data</source>
        <translation>Prometheus に kube-state-metrics の HPA データがありません</translation>
    </message>
    <message>
        <source>kube-state-metrics is too old for metric values</source>
        <translation>kube-state-metrics が古いため、メトリクスの値がありません</translation>
    </message>
    <message>
        <source>the watch expired (410 Gone); listing again</source>
        <translation>ウォッチの期限が切れました (410 Gone)。一覧を取得し直しています</translation>
    </message>
    <message>
        <source>the list continuation expired; listing again</source>
        <translation>一覧の続きの期限が切れました。一覧を取得し直しています</translation>
    </message>
</context>
<context>
    <name>LiveRecording</name>
    <message>
        <source>1 sample</source>
        <translation>1 サンプル</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 サンプル</translation>
    </message>
    <message>
        <source>1 rescale</source>
        <translation>1 回のリスケール</translation>
    </message>
    <message>
        <source>%1 rescales</source>
        <translation>%1 回のリスケール</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>recording %1 for %2…</source>
        <translation>%1 を %2 記録中…</translation>
    </message>
    <message>
        <source>the watch never came up</source>
        <translation>監視を開始できませんでした</translation>
    </message>
    <message>
        <source>hpascope %1: the watch dropped (%2); reconnecting: until it is back, the history has a gap</source>
        <translation>hpascope %1: 監視が切断されました（%2）。再接続中: 復帰するまで履歴に欠落が生じます</translation>
    </message>
    <message>
        <source>there is no HPA %1 in namespace %2</source>
        <translation>Namespace %2 に HPA %1 はありません</translation>
    </message>
    <message>
        <source>hpascope %1: stopped by Ctrl+C after %2</source>
        <translation>hpascope %1: %2 後に Ctrl+C で停止しました</translation>
    </message>
    <message>
        <source>the history could not be written</source>
        <translation>履歴を書き込めませんでした</translation>
    </message>
    <message>
        <source>recorded no status of %1 in %2 (%3)</source>
        <translation>%2 の間に %1 のステータスを 1 つも記録できませんでした（%3）</translation>
    </message>
</context>
<context>
    <name>PodUsage</name>
    <message>
        <source>No reading from metrics.k8s.io yet.</source>
        <translation>metrics.k8s.io からの読み取りはまだありません。</translation>
    </message>
    <message>
        <source>metrics-server has no CPU sample of this pod (not started yet, or not scraped yet).</source>
        <translation>metrics-server にこの Pod の CPU サンプルがありません（まだ起動していないか、まだ収集されていません）。</translation>
    </message>
    <message>
        <source>metrics-server has no memory sample of this pod (not started yet, or not scraped yet).</source>
        <translation>metrics-server にこの Pod のメモリサンプルがありません（まだ起動していないか、まだ収集されていません）。</translation>
    </message>
    <message>
        <source>The pod sets no CPU request: no utilization (the HPA controller cannot compute one either: %1).</source>
        <translation>この Pod には CPU のリクエストがないため、使用率はありません（HPA コントローラーも計算できません: %1）。</translation>
    </message>
    <message>
        <source>the request is 0</source>
        <translation>リクエストが 0 です</translation>
    </message>
    <message>
        <source>The pod sets no memory request: no utilization (the HPA controller cannot compute one either: %1).</source>
        <translation>この Pod にはメモリのリクエストがないため、使用率はありません（HPA コントローラーも計算できません: %1）。</translation>
    </message>
    <message>
        <source>%1 / %2 · %3%</source>
        <comment>usage / request · utilization</comment>
        <translation>%1 / %2 · %3%</translation>
    </message>
    <message>
        <source>CPU used over metrics-server&apos;s last window, against the pod&apos;s CPU request.</source>
        <translation>metrics-server の直近のウィンドウでの CPU 使用量と、Pod の CPU リクエストです。</translation>
    </message>
    <message>
        <source>Memory in use (working set) at metrics-server&apos;s last sample, against the pod&apos;s memory request.</source>
        <translation>metrics-server の直近のサンプルでのメモリ使用量（ワーキングセット）と、Pod のメモリリクエストです。</translation>
    </message>
    <message>
        <source>Sampled at %1 UTC.</source>
        <translation>%1 UTC に取得。</translation>
    </message>
</context>
<context>
    <name>PrivateFile</name>
    <message>
        <source>cannot create the folder</source>
        <translation>フォルダーを作成できません</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>フォルダーです</translation>
    </message>
</context>
<context>
    <name>PushCommand</name>
    <message>
        <source>not recorded in the history: %1</source>
        <translation>履歴に記録されませんでした: %1</translation>
    </message>
    <message>
        <source>not recorded in the history %1</source>
        <translation>履歴 %1 に記録されませんでした</translation>
    </message>
    <message>
        <source>Write a fake custom metric value to the custom-metrics test adapter and read it back.
  hpascope push [-n NS] &lt;kind&gt;/&lt;name&gt; &lt;metric&gt; &lt;quantity&gt;      (Object metric)
  hpascope push [-n NS] --pods &lt;selector&gt; &lt;metric&gt; &lt;quantity&gt;  (Pods metric: every pod)</source>
        <translation>custom-metrics テストアダプターに偽のカスタムメトリクス値を書き込み、読み戻します。
  hpascope push [-n NS] &lt;kind&gt;/&lt;name&gt; &lt;metric&gt; &lt;quantity&gt;      （Object メトリクス）
  hpascope push [-n NS] --pods &lt;selector&gt; &lt;metric&gt; &lt;quantity&gt;  （Pods メトリクス: すべての Pod）</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>このヘルプを表示します。</translation>
    </message>
    <message>
        <source>Namespace of the object or pods (default: the context&apos;s).</source>
        <translation>オブジェクトまたは Pod の Namespace（既定: コンテキストのもの）。</translation>
    </message>
    <message>
        <source>Write a Pods metric to every pod matching this label selector.</source>
        <translation>このラベルセレクターに一致するすべての Pod に Pods メトリクスを書き込みます。</translation>
    </message>
    <message>
        <source>Labels stored with the value (k=v,...), matched by the HPA&apos;s metric selector.</source>
        <translation>値と一緒に保存するラベル（k=v,...）。HPA のメトリクスセレクターとの照合に使われます。</translation>
    </message>
    <message>
        <source>Namespace of the test adapter&apos;s service (default custom-metrics).</source>
        <translation>テストアダプターの Service の Namespace（既定 custom-metrics）。</translation>
    </message>
    <message>
        <source>Name of the test adapter&apos;s service (default custom-metrics-apiserver).</source>
        <translation>テストアダプターの Service の名前（既定 custom-metrics-apiserver）。</translation>
    </message>
    <message>
        <source>Port name or number of the write endpoint (default http).</source>
        <translation>書き込みエンドポイントのポート名または番号（既定 http）。</translation>
    </message>
    <message>
        <source>The history database the push is recorded in, for reports (default: hpascope&apos;s own).</source>
        <translation>プッシュを記録する履歴データベース。レポート用（既定: hpascope 自身のもの）。</translation>
    </message>
    <message>
        <source>&lt;kind&gt;/&lt;name&gt; (omit with --pods)</source>
        <translation>&lt;kind&gt;/&lt;name&gt;（--pods では省略）</translation>
    </message>
    <message>
        <source>Metric name</source>
        <translation>メトリクス名</translation>
    </message>
    <message>
        <source>Value, e.g. 400m, 1.5, 2k</source>
        <translation>値。例: 400m、1.5、2k</translation>
    </message>
    <message>
        <source>(hpascope push --help for all options)</source>
        <translation>（すべてのオプションは hpascope push --help）</translation>
    </message>
    <message>
        <source>with --pods, give &lt;metric&gt; &lt;quantity&gt;</source>
        <translation>--pods では &lt;metric&gt; &lt;quantity&gt; を指定してください</translation>
    </message>
    <message>
        <source>give &lt;kind&gt;/&lt;name&gt; &lt;metric&gt; &lt;quantity&gt;</source>
        <translation>&lt;kind&gt;/&lt;name&gt; &lt;metric&gt; &lt;quantity&gt; を指定してください</translation>
    </message>
    <message>
        <source>--labels wants k=v[,k=v...], got &quot;%1&quot;</source>
        <translation>--labels には k=v[,k=v...] を指定してください。指定された値: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>pods matching %1</source>
        <translation>%1 に一致する Pod</translation>
    </message>
    <message>
        <source>wrote %1 to metric %2 of %3 in namespace %4 (through %5)</source>
        <translation>%1 をメトリクス %2（%3、Namespace %4）に書き込みました（%5 経由）</translation>
    </message>
    <message>
        <source>written, but reading it back failed: %1</source>
        <translation>書き込みましたが、読み戻しに失敗しました: %1</translation>
    </message>
    <message>
        <source>read back %1 from %2</source>
        <translation>%2 から %1 を読み戻しました</translation>
    </message>
    <message>
        <source>cannot read the pod list: %1</source>
        <translation>Pod の一覧を読み取れません: %1</translation>
    </message>
    <message>
        <source>cannot list pods &quot;%1&quot; in namespace %2: %3</source>
        <translation>Namespace %2 の Pod &quot;%1&quot; を一覧できません: %3</translation>
    </message>
    <message>
        <source>no running pods match &quot;%1&quot; in namespace %2</source>
        <translation>Namespace %2 に &quot;%1&quot; に一致する実行中の Pod はありません</translation>
    </message>
    <message>
        <source>wrote %1 to metric %2 of pod %3 in namespace %4</source>
        <translation>%1 をメトリクス %2（Pod %3、Namespace %4）に書き込みました</translation>
    </message>
    <message>
        <source>(through %1)</source>
        <translation>（%1 経由）</translation>
    </message>
    <message>
        <source>pod %1: %2</source>
        <translation>Pod %1: %2</translation>
    </message>
    <message>
        <source>read back %1 for pod %2</source>
        <translation>Pod %2 の値 %1 を読み戻しました</translation>
    </message>
    <message>
        <source>read back for %1 of %2 pods</source>
        <translation>%2 個の Pod のうち %1 個の値を読み戻しました</translation>
    </message>
    <message>
        <source>custom.metrics.k8s.io returned values for %1 of %2 pods</source>
        <translation>custom.metrics.k8s.io は %2 個の Pod のうち %1 個の値を返しました</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>1 pod</source>
        <translation>1 Pod</translation>
    </message>
    <message>
        <source>%1 pods</source>
        <translation>%1 Pod</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（%3 のうち %2）</translation>
    </message>
    <message>
        <source>CPU per pod (%1)</source>
        <translation>Pod ごとの CPU（%1）</translation>
    </message>
    <message>
        <source>CPU per pod can be set only where kwok simulates the pods&apos; usage. %1</source>
        <translation>Pod ごとの CPU は、kwok が Pod の使用量をシミュレートしている場合にだけ設定できます。%1</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>%1: no value</source>
        <translation>%1: 値なし</translation>
    </message>
    <message>
        <source>%1 %2 against %3: ratio %4, %5</source>
        <translation>%1 は %2、目標 %3: 比率 %4、%5</translation>
    </message>
    <message>
        <source>within the tolerance</source>
        <translation>許容範囲内</translation>
    </message>
    <message>
        <source>beyond the tolerance</source>
        <translation>許容範囲外</translation>
    </message>
    <message>
        <source> (about %1 pods)</source>
        <translation>（約 %1 Pod）</translation>
    </message>
    <message>
        <source>Capped at maxReplicas (%1).</source>
        <translation>maxReplicas（%1）で頭打ち。</translation>
    </message>
    <message>
        <source>Limited to %1 by a scale-up policy.</source>
        <translation>スケールアップポリシーで %1 に制限。</translation>
    </message>
    <message>
        <source>Held at minReplicas (%1).</source>
        <translation>minReplicas（%1）で保持。</translation>
    </message>
    <message>
        <source>Went to %1, not %2: a scale-down policy or the stabilization window held it back.</source>
        <translation>%2 ではなく %1 へ: スケールダウンポリシーまたは安定化ウィンドウが抑えました。</translation>
    </message>
    <message>
        <source>A stabilization window released an older, lower recommendation.</source>
        <translation>安定化ウィンドウが以前のより低い推奨値を解放しました。</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未記録</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>レプリカ数</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>min–max</source>
        <translation>最小–最大</translation>
    </message>
    <message>
        <source>desired</source>
        <translation>希望数</translation>
    </message>
    <message>
        <source>current</source>
        <translation>現在数</translation>
    </message>
    <message>
        <source>%1: current and target</source>
        <translation>%1: 現在値と目標値</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目標値</translation>
    </message>
    <message>
        <source>HPA report: %1/%2</source>
        <translation>HPA レポート: %1/%2</translation>
    </message>
    <message>
        <source>%1/%2 · page %3 of %4</source>
        <translation>%1/%2 · %3 / %4 ページ</translation>
    </message>
    <message numerus="yes">
        <source>… %n more row(s) in the PDF and HTML reports</source>
        <translation>
            <numerusform>… 残り %n 行は PDF と HTML のレポートにあります</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 % of the recorded time)</source>
        <translation>%1（記録時間の %2 %）</translation>
    </message>
    <message>
        <source>%1 – %2 (%3): hpascope recorded nothing</source>
        <translation>%1 – %2（%3）: hpascope は何も記録していません</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>コンテキスト</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>API server</source>
        <translation>API サーバー</translation>
    </message>
    <message>
        <source>(redacted)</source>
        <translation>（非表示）</translation>
    </message>
    <message>
        <source>HPA</source>
        <translation>HPA</translation>
    </message>
    <message>
        <source>%1/%2, scaling %3</source>
        <translation>%1/%2、%3 をスケール</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>%1 – %2 (%3), times in %4</source>
        <translation>%1 – %2（%3）、時刻は %4</translation>
    </message>
    <message>
        <source>Data gaps</source>
        <translation>データの欠落</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>記録なし</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>%1 by hpascope %2</source>
        <translation>hpascope %2 が %1 に作成</translation>
    </message>
    <message>
        <source>Data gaps are the times hpascope was not watching this namespace live (not running, not connected, or reconnecting).</source>
        <translation>データの欠落とは、hpascope がこの Namespace をライブで監視していなかった時間です（起動していない、未接続、または再接続中）。</translation>
    </message>
    <message>
        <source>This history predates hpascope&apos;s record of when it watched: between two recorded statuses the earlier one is taken to hold.</source>
        <translation>この履歴は、hpascope が監視時間を記録するようになる前のものです: 記録された 2 つのステータスの間は、前のステータスが続いていたものとみなします。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>as last recorded</source>
        <translation>最後の記録</translation>
    </message>
    <message>
        <source>Replicas (%1)</source>
        <translation>レプリカ数（%1）</translation>
    </message>
    <message>
        <source>current %1, desired %2, min %3, max %4</source>
        <translation>現在数 %1、希望数 %2、最小 %3、最大 %4</translation>
    </message>
    <message>
        <source>Scale-ups / scale-downs</source>
        <translation>スケールアップ / スケールダウン</translation>
    </message>
    <message>
        <source>%1 / %2 (SuccessfulRescale events)</source>
        <translation>%1 / %2（SuccessfulRescale イベント）</translation>
    </message>
    <message>
        <source>Time at maxReplicas</source>
        <translation>maxReplicas にあった時間</translation>
    </message>
    <message>
        <source>Time at minReplicas</source>
        <translation>minReplicas にあった時間</translation>
    </message>
    <message>
        <source>Time with metrics unavailable</source>
        <translation>メトリクスが取得できなかった時間</translation>
    </message>
    <message>
        <source>Direction changes (flapping)</source>
        <translation>方向転換（フラッピング）</translation>
    </message>
    <message>
        <source>%1 (%2 per hour)</source>
        <translation>%1（1 時間あたり %2）</translation>
    </message>
    <message>
        <source>Recorded time</source>
        <translation>記録時間</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <source>Scale decisions</source>
        <translation>スケールの判断</translation>
    </message>
    <message>
        <source>No SuccessfulRescale event was recorded in this range.</source>
        <translation>この期間に SuccessfulRescale イベントは記録されていません。</translation>
    </message>
    <message>
        <source> (×%1)</source>
        <translation>（×%1）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>変更前 → 変更後</translation>
    </message>
    <message>
        <source>Reason (event)</source>
        <translation>理由（イベント）</translation>
    </message>
    <message>
        <source>Account (recorded metrics)</source>
        <translation>説明（記録されたメトリクス）</translation>
    </message>
    <message>
        <source>Why, now (hpascope&apos;s explainer)</source>
        <translation>現在の理由（hpascope の説明）</translation>
    </message>
    <message>
        <source>Effective configuration</source>
        <translation>有効な設定</translation>
    </message>
    <message>
        <source>The HPA was not available (not connected, or deleted): the targets below are the last recorded ones and its behavior is not known.</source>
        <translation>HPA を取得できませんでした（未接続または削除済み）: 以下の目標値は最後に記録されたもので、behavior は不明です。</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>メトリクス</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標値</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Stabilization window</source>
        <translation>安定化ウィンドウ</translation>
    </message>
    <message>
        <source>Select policy</source>
        <translation>ポリシーの選択</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>ポリシー</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>許容範囲</translation>
    </message>
    <message>
        <source>--horizontal-pod-autoscaler-sync-period</source>
        <translation>--horizontal-pod-autoscaler-sync-period</translation>
    </message>
    <message>
        <source>--horizontal-pod-autoscaler-downscale-stabilization</source>
        <translation>--horizontal-pod-autoscaler-downscale-stabilization</translation>
    </message>
    <message>
        <source>--horizontal-pod-autoscaler-tolerance</source>
        <translation>--horizontal-pod-autoscaler-tolerance</translation>
    </message>
    <message>
        <source>Controller flags from</source>
        <translation>コントローラーフラグの出所</translation>
    </message>
    <message>
        <source>Metric pushes from hpascope</source>
        <translation>hpascope からのメトリクスのプッシュ</translation>
    </message>
    <message>
        <source>No metric push was recorded for this HPA&apos;s metrics in this range.</source>
        <translation>この期間に、この HPA のメトリクスへのプッシュは記録されていません。</translation>
    </message>
    <message>
        <source>written</source>
        <translation>書き込み済み</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Condition changes</source>
        <translation>Condition の変化</translation>
    </message>
    <message>
        <source>No condition of the HPA was recorded in this range.</source>
        <translation>この期間に、この HPA の Condition は記録されていません。</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>観測</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>以降</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>No event of the HPA or its target was recorded in this range.</source>
        <translation>この期間に、この HPA またはそのターゲットのイベントは記録されていません。</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終観測</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>回数</translation>
    </message>
    <message>
        <source>current</source>
        <comment>a metric&apos;s current value</comment>
        <translation>現在値</translation>
    </message>
    <message>
        <source>Hatched: not recorded. Marks &quot;3→5&quot; are SuccessfulRescale events; a dashed mark is a scale-down. Where they are too dense to tell apart, each is a tick along the top (a scale-down&apos;s half as long).</source>
        <translation>斜線: 未記録。「3→5」の印は SuccessfulRescale イベント、破線の印はスケールダウンです。印が密集して見分けられない所では、それぞれ上端の短い目盛りになります（スケールダウンは半分の長さ）。</translation>
    </message>
    <message>
        <source>from Prometheus</source>
        <translation>Prometheus から</translation>
    </message>
    <message>
        <source>%1 (Prometheus)</source>
        <comment>a report chart line whose history came from Prometheus</comment>
        <translation>%1 (Prometheus)</translation>
    </message>
    <message>
        <source>min–max (Prometheus)</source>
        <translation>最小–最大 (Prometheus)</translation>
    </message>
    <message>
        <source>%1 (%2 % of the time recorded by hpascope or Prometheus)</source>
        <translation>%1 (hpascope または Prometheus が記録した時間の %2 %)</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>Not read from Prometheus (%1): %2. This report has hpascope&apos;s own history only.</source>
        <translation>Prometheus (%1) から読み取れませんでした: %2。このレポートは hpascope 自身の履歴のみです。</translation>
    </message>
    <message>
        <source>From Prometheus (%1) where hpascope was not watching: %2</source>
        <translation>hpascope が監視していなかった間は Prometheus (%1) から: %2</translation>
    </message>
    <message>
        <source>read at a %1 step</source>
        <translation>%1 刻みで読み取り</translation>
    </message>
    <message>
        <source>From Prometheus</source>
        <translation>Prometheus から</translation>
    </message>
    <message>
        <source>The times at maxReplicas and minReplicas include Prometheus&apos; part; the scale-ups and scale-downs are the SuccessfulRescale events hpascope recorded, and the time with metrics unavailable is hpascope&apos;s own. Where hpascope was not watching, Prometheus&apos; desired replicas rose: %1, fell: %2.</source>
        <translation>maxReplicas と minReplicas にあった時間は Prometheus の分を含みます。スケールアップとスケールダウンは hpascope が記録した SuccessfulRescale イベントで、メトリクスが取れなかった時間は hpascope 自身のものです。hpascope が監視していなかった間、Prometheus の desired レプリカ数は %1 回増え、%2 回減りました。</translation>
    </message>
    <message>
        <source>Tinted: from Prometheus (%1), where hpascope was not watching; its lines are lighter and dash-dot, &quot;… (Prometheus)&quot; in the legends. Where both have history, hpascope&apos;s own is drawn.</source>
        <translation>色付きの範囲: hpascope が監視していなかった間の Prometheus (%1) の履歴です。線は淡い一点鎖線で、凡例では「… (Prometheus)」です。両方に履歴がある所は hpascope 自身のものを描きます。</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>A PDF, HTML or PNG report of one HPA from hpascope&apos;s recorded history.</source>
        <translation>hpascope が記録した履歴から、1 つの HPA の PDF、HTML または PNG のレポートを作成します。</translation>
    </message>
    <message>
        <source>The report: FILE.pdf, FILE.html or FILE.png.</source>
        <translation>レポート: FILE.pdf、FILE.html または FILE.png。</translation>
    </message>
    <message>
        <source>Leave the API server&apos;s URL out of the report.</source>
        <translation>API サーバーの URL をレポートに含めません。</translation>
    </message>
    <message>
        <source>--out FILE.pdf|.html|.png is required</source>
        <translation>--out FILE.pdf|.html|.png が必要です</translation>
    </message>
    <message>
        <source>cannot read %1/%2 from the cluster (%3): the report is made from the history alone</source>
        <translation>クラスターから %1/%2 を読み取れません（%3）: レポートは履歴だけから作成します</translation>
    </message>
    <message>
        <source>%1/%2 no longer exists in the cluster: the report is made from the history</source>
        <translation>%1/%2 はクラスターにもう存在しません: レポートは履歴から作成します</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1 に書き込みました</translation>
    </message>
    <message>
        <source>cannot read the history from Prometheus (%1): %2; the report is made without it</source>
        <translation>Prometheus (%1) から履歴を読み取れません: %2。それなしでレポートを作成します</translation>
    </message>
</context>
<context>
    <name>ReportGatherer</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>assumed: Kubernetes&apos; defaults (nothing told hpascope otherwise)</source>
        <translation>想定: Kubernetes の既定値（hpascope は他の値を知らされていません）</translation>
    </message>
    <message>
        <source>set for this context in hpascope (Controller flags…)</source>
        <translation>hpascope でこのコンテキストに設定（コントローラーフラグ…）</translation>
    </message>
    <message>
        <source>published by the cluster (ConfigMap kube-system/hpascope-controller-flags)</source>
        <translation>クラスターが公開（ConfigMap kube-system/hpascope-controller-flags）</translation>
    </message>
    <message>
        <source>the demo cluster&apos;s simulated controller</source>
        <translation>デモクラスターの模擬コントローラー</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>hpascope has not recorded %1/%2 between %3 and %4</source>
        <translation>hpascope は %3 から %4 の間の %1/%2 を記録していません</translation>
    </message>
</context>
<context>
    <name>ReportPrometheusFlags</name>
    <message>
        <source>Also read the range from the cluster&apos;s Prometheus, for the time hpascope was not watching: a URL, or NAMESPACE/SERVICE:PORT behind the API server&apos;s service proxy.</source>
        <translation>hpascope が監視していなかった時間について、クラスターの Prometheus からも範囲を読み取ります: URL、または API サーバーのサービスプロキシ経由の NAMESPACE/SERVICE:PORT。</translation>
    </message>
    <message>
        <source>A file holding the bearer token for a Prometheus URL.</source>
        <translation>Prometheus の URL 用のベアラートークンを含むファイル。</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>unknown format for %1: the file name must end in .pdf, .html or .png</source>
        <translation>%1 の形式が不明です: ファイル名は .pdf、.html または .png で終わる必要があります</translation>
    </message>
    <message>
        <source>cannot write %1: it is a folder</source>
        <translation>%1 に書き込めません: フォルダーです</translation>
    </message>
    <message>
        <source>cannot write %1: the folder %2 does not exist</source>
        <translation>%1 に書き込めません: フォルダー %2 が存在しません</translation>
    </message>
    <message>
        <source>cannot write %1: permission denied</source>
        <translation>%1 に書き込めません: アクセスが拒否されました</translation>
    </message>
</context>
<context>
    <name>ScreenshotActions</name>
    <message>
        <source>cannot write %1: a screenshot is a PNG, name the file .png</source>
        <translation>%1 に書き込めません: スクリーンショットは PNG です。ファイル名を .png にしてください</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Copy screenshot</source>
        <translation>スクリーンショットをコピー</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Put a PNG of the window on the clipboard (Ctrl+Shift+C)</source>
        <translation>ウィンドウの PNG をクリップボードに置きます（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Screenshot copied to the clipboard</source>
        <translation>スクリーンショットをクリップボードにコピーしました</translation>
    </message>
    <message>
        <source>Save screenshot…</source>
        <translation>スクリーンショットを保存…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Save a PNG of the window (Ctrl+Shift+S)</source>
        <translation>ウィンドウの PNG を保存します（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>hpascope-%1.png</source>
        <translation>hpascope-%1.png</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>スクリーンショットを保存</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Screenshot saved to %1</source>
        <translation>スクリーンショットを %1 に保存しました</translation>
    </message>
</context>
<context>
    <name>SnapshotCommand</name>
    <message>
        <source>Print what the dashboard shows, as JSON.</source>
        <translation>ダッシュボードに表示される内容を JSON で出力します。</translation>
    </message>
    <message>
        <source>Only this namespace.</source>
        <translation>この Namespace のみ。</translation>
    </message>
    <message>
        <source>All namespaces.</source>
        <translation>すべての Namespace。</translation>
    </message>
    <message>
        <source>Print JSON (the only format so far).</source>
        <translation>JSON で出力します（現在はこの形式のみ）。</translation>
    </message>
    <message>
        <source>unexpected argument %1</source>
        <translation>想定外の引数 %1</translation>
    </message>
    <message>
        <source>cannot read the cluster at %1: %2</source>
        <translation>%1 のクラスターを読み取れません: %2</translation>
    </message>
    <message>
        <source>The embedded simulated cluster (no Kubernetes needed).</source>
        <translation>組み込みのシミュレーションクラスター（Kubernetes 不要）。</translation>
    </message>
    <message>
        <source>--demo excludes --kubeconfig and --context</source>
        <translation>--demo は --kubeconfig や --context と同時に指定できません</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>unknown language &quot;%1&quot;; hpascope speaks %2</source>
        <translation>不明な言語 &quot;%1&quot; です。hpascope の対応言語: %2</translation>
    </message>
    <message>
        <source>hpascope has no translation for &quot;%1&quot; yet; it speaks %2</source>
        <translation>hpascope には &quot;%1&quot; の翻訳がまだありません。対応言語: %2</translation>
    </message>
    <message>
        <source>the %1 translation is missing from this build</source>
        <translation>このビルドには %1 の翻訳が含まれていません</translation>
    </message>
</context>
<context>
    <name>WindowShortcuts</name>
    <message>
        <source>Filter the HPAs</source>
        <translation>HPA を絞り込む</translation>
    </message>
    <message>
        <source>Next HPA</source>
        <translation>次の HPA</translation>
    </message>
    <message>
        <source>Previous HPA</source>
        <translation>前の HPA</translation>
    </message>
    <message>
        <source>Wider time window</source>
        <translation>表示期間を広げる</translation>
    </message>
    <message>
        <source>Narrower time window</source>
        <translation>表示期間を狭める</translation>
    </message>
    <message>
        <source>Filter by namespace, name, target or metric (%1)</source>
        <translation>Namespace、名前、ターゲット、メトリクスで絞り込み（%1）</translation>
    </message>
    <message>
        <source>%1 / %2: next / previous HPA</source>
        <translation>%1 / %2: 次 / 前の HPA</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>&lt;unknown&gt;</source>
        <translation>&lt;不明&gt;</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>未同期</translation>
    </message>
    <message>
        <source>target missing</source>
        <translation>ターゲットなし</translation>
    </message>
    <message>
        <source>rescale failed</source>
        <translation>リスケール失敗</translation>
    </message>
    <message>
        <source>metrics unavailable</source>
        <translation>メトリクス取得不可</translation>
    </message>
    <message>
        <source>scaling disabled</source>
        <translation>スケーリング無効</translation>
    </message>
    <message>
        <source>limited at max</source>
        <translation>最大で制限中</translation>
    </message>
    <message>
        <source>limited at min</source>
        <translation>最小で制限中</translation>
    </message>
    <message>
        <source>scale-up disabled</source>
        <translation>スケールアップ無効</translation>
    </message>
    <message>
        <source>scale-down disabled</source>
        <translation>スケールダウン無効</translation>
    </message>
    <message>
        <source>scaling up, rate-limited</source>
        <translation>スケールアップ中（速度制限）</translation>
    </message>
    <message>
        <source>rate-limited</source>
        <translation>速度制限中</translation>
    </message>
    <message>
        <source>scaling down, rate-limited</source>
        <translation>スケールダウン中（速度制限）</translation>
    </message>
    <message>
        <source>scaling up</source>
        <translation>スケールアップ中</translation>
    </message>
    <message>
        <source>scaling down</source>
        <translation>スケールダウン中</translation>
    </message>
    <message>
        <source>stabilizing</source>
        <translation>安定化中</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>安定</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <extracomment>The format of times in tables, tooltips and reports (QDateTime::toString); keep the 24 h clock.</extracomment>
        <translation>yyyy年M月d日 HH:mm:ss</translation>
    </message>
    <message>
        <source>in the future</source>
        <translation>未来</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 分前</translation>
    </message>
    <message>
        <source>%1 h %2 min ago</source>
        <translation>%1 時間 %2 分前</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>%1 日前</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>metric on Kind/name</comment>
        <translation>%2 の %1</translation>
    </message>
    <message>
        <source>%1 on pods</source>
        <translation>Pod の %1</translation>
    </message>
    <message>
        <source>%1 (container %2)</source>
        <translation>%1（コンテナー %2）</translation>
    </message>
    <message>
        <source>%1 (external)</source>
        <translation>%1（External）</translation>
    </message>
    <message>
        <source>%1 metric</source>
        <translation>%1 メトリクス</translation>
    </message>
    <message>
        <source>&lt;unknown metric&gt;</source>
        <translation>&lt;不明なメトリクス&gt;</translation>
    </message>
    <message>
        <source>%1 metric (no source)</source>
        <translation>%1 メトリクス（ソースなし）</translation>
    </message>
</context>
<context>
    <name>hpascope::ClusterSession</name>
    <message>
        <source>Your user may not list HPAs in every namespace: pick one namespace you can read in the Namespace box (or start with -n NAMESPACE), or ask for list and watch on horizontalpodautoscalers.autoscaling.</source>
        <translation>あなたのユーザーはすべての Namespace の HPA を一覧できない可能性があります: 「Namespace」欄で読み取り可能な Namespace を 1 つ選ぶか（または -n NAMESPACE で起動）、horizontalpodautoscalers.autoscaling に対する list と watch の権限を依頼してください。</translation>
    </message>
    <message>
        <source>Your user may not list HPAs in namespace %1: pick another namespace, or ask for list and watch on horizontalpodautoscalers.autoscaling there.</source>
        <translation>あなたのユーザーは Namespace %1 の HPA を一覧できない可能性があります: 別の Namespace を選ぶか、そこでの horizontalpodautoscalers.autoscaling に対する list と watch の権限を依頼してください。</translation>
    </message>
    <message>
        <source>The API server did not accept the kubeconfig&apos;s credentials: they may have expired or belong to another cluster. Sign in again (e.g. rerun your cloud CLI&apos;s login), then reconnect.</source>
        <translation>API サーバーは kubeconfig の認証情報を受け付けませんでした: 期限切れか、別のクラスターのものかもしれません。もう一度サインインして（例: クラウド CLI のログインを再実行）、再接続してください。</translation>
    </message>
    <message>
        <source>Your user may list HPAs in 1 namespace only: choose it below, or start with -n NAMESPACE.</source>
        <translation>このユーザーが HPA を一覧できるのは 1 つの namespace だけです。下から選ぶか、-n NAMESPACE で起動してください。</translation>
    </message>
    <message>
        <source>Your user may list HPAs in %1 namespaces only: choose one below, or start with -n NAMESPACE.</source>
        <translation>このユーザーが HPA を一覧できるのは %1 個の namespace だけです。下から 1 つ選ぶか、-n NAMESPACE で起動してください。</translation>
    </message>
    <message>
        <source>Your user may not list HPAs in the 1 namespace checked either: ask for list and watch on horizontalpodautoscalers.autoscaling.</source>
        <translation>確認した 1 つの namespace でも、このユーザーは HPA を一覧できません。horizontalpodautoscalers.autoscaling の list と watch の権限を依頼してください。</translation>
    </message>
    <message>
        <source>Your user may not list HPAs in any of the %1 namespaces checked: ask for list and watch on horizontalpodautoscalers.autoscaling.</source>
        <translation>確認した %1 個の namespace のどれでも、このユーザーは HPA を一覧できません。horizontalpodautoscalers.autoscaling の list と watch の権限を依頼してください。</translation>
    </message>
</context>
<context>
    <name>hpascope::ClusterToolbar</name>
    <message>
        <source>Cluster</source>
        <translation>クラスター</translation>
    </message>
    <message>
        <source>Context: </source>
        <translation>コンテキスト: </translation>
    </message>
    <message>
        <source>Namespace: </source>
        <translation>Namespace: </translation>
    </message>
    <message>
        <source>%1× speed</source>
        <translation>%1 倍速</translation>
    </message>
    <message>
        <source>Controller flags…</source>
        <translation>コントローラーフラグ…</translation>
    </message>
    <message>
        <source>The HPA controller&apos;s flags the explanations use, for this context</source>
        <translation>説明に使う HPA コントローラーのフラグ（このコンテキスト用）</translation>
    </message>
    <message>
        <source>hpascope-demo (simulated)</source>
        <translation>hpascope-demo（シミュレーション）</translation>
    </message>
    <message>
        <source>Set KUBECONFIG or pass --kubeconfig FILE, or open the demo cluster below.</source>
        <translation>KUBECONFIG を設定するか --kubeconfig FILE を指定してください。または下のデモクラスターを開いてください。</translation>
    </message>
    <message>
        <source>Fix the kubeconfig, or pass --kubeconfig FILE.</source>
        <translation>kubeconfig を修正するか、--kubeconfig FILE を指定してください。</translation>
    </message>
    <message>
        <source>the kubeconfig defines no contexts</source>
        <translation>kubeconfig にコンテキストが定義されていません</translation>
    </message>
    <message>
        <source>Add a context, e.g. with kubectl config set-context.</source>
        <translation>コンテキストを追加してください（例: kubectl config set-context）。</translation>
    </message>
    <message>
        <source>current-context &quot;%1&quot; is not defined in the kubeconfig</source>
        <translation>current-context &quot;%1&quot; は kubeconfig に定義されていません</translation>
    </message>
    <message>
        <source>Pick a context above.</source>
        <translation>上でコンテキストを選んでください。</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>すべての Namespace</translation>
    </message>
</context>
<context>
    <name>hpascope::ConnectionStatusWidget</name>
    <message>
        <source>⚠ TLS verification disabled (insecure-skip-tls-verify)</source>
        <translation>⚠ TLS 検証が無効です（insecure-skip-tls-verify）</translation>
    </message>
</context>
<context>
    <name>hpascope::ControllerFlagsDialog</name>
    <message>
        <source>set for this context in hpascope</source>
        <translation>hpascope でこのコンテキストに設定</translation>
    </message>
    <message>
        <source>published by the cluster (ConfigMap %1/%2)</source>
        <translation>クラスターが公開（ConfigMap %1/%2）</translation>
    </message>
    <message>
        <source>the demo cluster&apos;s own controller</source>
        <translation>デモクラスター自身のコントローラー</translation>
    </message>
    <message>
        <source>assumed: Kubernetes&apos; defaults</source>
        <translation>想定: Kubernetes の既定値</translation>
    </message>
    <message>
        <source>Controller flags — %1</source>
        <translation>コントローラーフラグ — %1</translation>
    </message>
    <message>
        <source>The HPA controller&apos;s flags cannot be read through the Kubernetes API. The explanations use these values, now %1. Set them if this cluster&apos;s kube-controller-manager runs with others.</source>
        <translation>HPA コントローラーのフラグは Kubernetes API からは読み取れません。説明にはこれらの値を使います（現在: %1）。このクラスターの kube-controller-manager が別の値で動いている場合は設定してください。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Forget (use the cluster&apos;s or the defaults)</source>
        <translation>忘れる（クラスターの値または既定値を使う）</translation>
    </message>
</context>
<context>
    <name>hpascope::CpuUsageWriter</name>
    <message>
        <source>pod %1 is gone (deleted before its CPU usage was set)</source>
        <translation>Pod %1 はもうありません（CPU 使用量を設定する前に削除されました）</translation>
    </message>
    <message>
        <source>you are not allowed to patch pods in namespace %1 (needed to set the CPU usage of pod %2)</source>
        <translation>namespace %1 で pods を patch する権限がありません（Pod %2 の CPU 使用量の設定に必要です）</translation>
    </message>
    <message>
        <source>pod %1 did not keep the CPU usage annotation: %2</source>
        <translation>Pod %1 に CPU 使用量のアノテーションが残っていません: %2</translation>
    </message>
    <message>
        <source>setting the CPU usage of pod %1 failed: %2</source>
        <translation>Pod %1 の CPU 使用量の設定に失敗しました: %2</translation>
    </message>
    <message>
        <source>not connected to a cluster</source>
        <translation>クラスターに接続していません</translation>
    </message>
    <message>
        <source>Finding the target&apos;s pods…</source>
        <translation>ターゲットの Pod を探しています…</translation>
    </message>
    <message>
        <source>cannot read node %1: %2</source>
        <translation>ノード %1 を読み取れません: %2</translation>
    </message>
    <message>
        <source>The target has no pods yet to tell whether kwok manages them.</source>
        <translation>ターゲットにまだ Pod がないため、kwok が管理しているか判断できません。</translation>
    </message>
    <message>
        <source>Checking whether kwok manages the pods&apos; node…</source>
        <translation>Pod のノードを kwok が管理しているか確認しています…</translation>
    </message>
    <message>
        <source>CPU usage comes from metrics-server; hpascope cannot tell whether kwok simulates it (%1).</source>
        <translation>CPU 使用量は metrics-server から来ます。kwok がシミュレートしているかを hpascope は判断できません（%1）。</translation>
    </message>
    <message>
        <source>CPU usage comes from metrics-server, which measures the real containers: node %1 is not a kwok node (no kwok.x-k8s.io/node: fake annotation), so there is nothing hpascope could set.</source>
        <translation>CPU 使用量は実際のコンテナーを測る metrics-server から来ます。ノード %1 は kwok のノードではない（kwok.x-k8s.io/node: fake アノテーションがない）ため、hpascope が設定できるものはありません。</translation>
    </message>
    <message>
        <source>The target&apos;s pods are not scheduled on a node yet.</source>
        <translation>ターゲットの Pod はまだノードにスケジュールされていません。</translation>
    </message>
    <message>
        <source>the target has no pods to set the CPU usage of</source>
        <translation>ターゲットに CPU 使用量を設定できる Pod がありません</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 pods failed)</source>
        <translation>%1（%3 個中 %2 個の Pod で失敗）</translation>
    </message>
    <message>
        <source>%1 on 1 new pod too</source>
        <translation>新しい Pod 1 個にも %1</translation>
    </message>
    <message>
        <source>%1 on %2 new pods too</source>
        <translation>新しい Pod %2 個にも %1</translation>
    </message>
    <message>
        <source>%1 per pod on 1 pod</source>
        <translation>Pod ごとに %1（1 個）</translation>
    </message>
    <message>
        <source>%1 per pod on %2 pods</source>
        <translation>Pod ごとに %1（%2 個）</translation>
    </message>
</context>
<context>
    <name>hpascope::EventListView</name>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>No events for this HPA, its target or the target&apos;s pods.</source>
        <translation>この HPA、そのターゲット、ターゲットの Pod のイベントはありません。</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 件のイベント</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 件のイベント</translation>
    </message>
    <message>
        <source> (%1 expired on the API server, kept from local history)</source>
        <translation>（うち %1 件は API サーバーで期限切れ、ローカル履歴から表示）</translation>
    </message>
</context>
<context>
    <name>hpascope::EventModel</name>
    <message>
        <source>Last seen %1</source>
        <translation>最終観測 %1</translation>
    </message>
    <message numerus="yes">
        <source>First seen %1 (%n times)</source>
        <translation>
            <numerusform>初回観測 %1（%n 回）</numerusform>
        </translation>
    </message>
    <message>
        <source>Expired on the API server; kept from local history.</source>
        <translation>API サーバーで期限切れ。ローカル履歴から表示しています。</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>経過</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>回数</translation>
    </message>
</context>
<context>
    <name>hpascope::EventStore</name>
    <message>
        <source>Loading events…</source>
        <translation>イベントを読み込み中…</translation>
    </message>
    <message>
        <source>Events unavailable: %1</source>
        <translation>イベントを取得できません: %1</translation>
    </message>
</context>
<context>
    <name>hpascope::HpaConditionsModel</name>
    <message>
        <source>Last transition %1</source>
        <translation>最終遷移 %1</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>以降</translation>
    </message>
</context>
<context>
    <name>hpascope::HpaDetailModel</name>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>The pods of the target are not watched.</source>
        <translation>ターゲットの Pod は監視されていません。</translation>
    </message>
    <message>
        <source>Finding the target&apos;s pods…</source>
        <translation>ターゲットの Pod を探しています…</translation>
    </message>
    <message>
        <source>CPU and memory usage are not read.</source>
        <translation>CPU とメモリの使用量は読み取っていません。</translation>
    </message>
</context>
<context>
    <name>hpascope::HpaDetailView</name>
    <message>
        <source>Replicas</source>
        <translation>レプリカ数</translation>
    </message>
    <message>
        <source>Min:</source>
        <translation>最小:</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>現在:</translation>
    </message>
    <message>
        <source>Max:</source>
        <translation>最大:</translation>
    </message>
    <message>
        <source>Desired:</source>
        <translation>希望:</translation>
    </message>
    <message>
        <source>Last scale:</source>
        <translation>最終スケール:</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>メトリクス</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Behavior</source>
        <translation>Behavior</translation>
    </message>
    <message>
        <source>No HPA selected</source>
        <translation>HPA が選択されていません</translation>
    </message>
    <message>
        <source>scales %1</source>
        <translation>%1 をスケール</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Behavior: %1</source>
        <translation>Behavior: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why:&lt;/b&gt;</source>
        <translation>&lt;b&gt;理由:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 is unknown — %2</source>
        <translation>%1 は不明 — %2</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
</context>
<context>
    <name>hpascope::HpaListModel</name>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>ターゲット</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>現在/目標</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>希望</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Last scale</source>
        <translation>最終スケール</translation>
    </message>
</context>
<context>
    <name>hpascope::HpaMetricsModel</name>
    <message>
        <source>Metric</source>
        <translation>メトリクス</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>現在値</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標値</translation>
    </message>
    <message>
        <source>Target type</source>
        <translation>目標の種別</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>hpascope::HpaPodsModel</name>
    <message>
        <source>%1 counted</source>
        <translation>%1 個を計上</translation>
    </message>
    <message>
        <source>%1 not Ready</source>
        <translation>%1 個が Ready でない</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 個が Pending</translation>
    </message>
    <message>
        <source>%1 ignored</source>
        <translation>%1 個を無視</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The target has no pods.</source>
        <translation>ターゲットに Pod はありません。</translation>
    </message>
    <message>
        <source>1 pod: %1</source>
        <translation>Pod 1 個: %1</translation>
    </message>
    <message>
        <source>%1 pods: %2</source>
        <translation>Pod %1 個: %2</translation>
    </message>
    <message>
        <source>The controller drops this pod&apos;s metric and does not count it: it is being deleted or has failed.</source>
        <translation>コントローラーはこの Pod のメトリクスを捨て、数にも入れません: 削除中か、失敗しています。</translation>
    </message>
    <message>
        <source>The controller drops this Pending pod&apos;s metric; on a scale-up it counts as 0 (for Resource metrics), which holds the scale-up back.</source>
        <translation>コントローラーはこの Pending の Pod のメトリクスを捨てます。スケールアップ時には 0 として数えるため（Resource メトリクスの場合）、スケールアップが抑えられます。</translation>
    </message>
    <message>
        <source>The controller uses this pod&apos;s metric.</source>
        <translation>コントローラーはこの Pod のメトリクスを使います。</translation>
    </message>
    <message>
        <source>%1, being deleted</source>
        <translation>%1、削除中</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>無視</translation>
    </message>
    <message>
        <source>not counted yet (0 on a scale-up)</source>
        <translation>まだ計上されない（スケールアップ時は 0）</translation>
    </message>
    <message>
        <source>counted, not Ready</source>
        <translation>計上、Ready ではない</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>計上</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>フェーズ</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>HPA controller</source>
        <translation>HPA コントローラー</translation>
    </message>
    <message>
        <source>Not Ready: for a CPU metric the controller counts it as 0 on a scale-up; for an Object or External metric with a Value target it is not among the ready pods the ratio is applied to.</source>
        <translation>Ready ではありません: CPU メトリクスでは、コントローラーはスケールアップ時にこの Pod を 0 として数えます。Value 目標の Object / External メトリクスでは、比率を掛ける Ready な Pod の数に入りません。</translation>
    </message>
    <message>
        <source>%1 without metrics</source>
        <translation>メトリクスなし %1</translation>
    </message>
    <message>
        <source>metrics-server has no sample of this Running pod: the controller counts it as using 0 on a scale-up and as at target on a scale-down, which damps both.</source>
        <translation>metrics-server にこの Running の Pod のサンプルがありません。コントローラーはスケールアップでは使用量 0、スケールダウンではターゲットどおりとして数えるため、どちらも抑えられます。</translation>
    </message>
    <message>
        <source>no metrics</source>
        <translation>メトリクスなし</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
</context>
<context>
    <name>hpascope::HpaTableView</name>
    <message>
        <source>Filter by namespace, name, target or metric…</source>
        <translation>Namespace、名前、ターゲット、メトリクスで絞り込み…</translation>
    </message>
</context>
<context>
    <name>hpascope::MainWindow</name>
    <message>
        <source>Open the demo cluster (simulated, no Kubernetes needed)</source>
        <translation>デモクラスターを開く（シミュレーション、Kubernetes 不要）</translation>
    </message>
    <message>
        <source>hpascope</source>
        <translation>hpascope</translation>
    </message>
    <message>
        <source>the demo cluster did not start: %1</source>
        <translation>デモクラスターを起動できませんでした: %1</translation>
    </message>
    <message>
        <source>hpascope — demo cluster (simulation)</source>
        <translation>hpascope — デモクラスター（シミュレーション）</translation>
    </message>
    <message>
        <source>hpascope — %1</source>
        <translation>hpascope — %1</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Language, test adapter, history (%1)</source>
        <translation>言語、テストアダプター、履歴（%1）</translation>
    </message>
</context>
<context>
    <name>hpascope::MetricSliderPanel</name>
    <message>
        <source>Select an HPA to push metric values.</source>
        <translation>メトリクス値をプッシュするには HPA を選択してください。</translation>
    </message>
    <message>
        <source>Go to the value field</source>
        <translation>値の入力欄へ移動</translation>
    </message>
    <message>
        <source>sending %1…</source>
        <translation>%1 を送信中…</translation>
    </message>
    <message>
        <source>sent %1 · read back %2</source>
        <translation>%1 を送信 · 読み戻し %2</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>目標値 %1</translation>
    </message>
    <message>
        <source>e.g. 400m, 1.5, 2k</source>
        <translation>例: 400m、1.5、2k</translation>
    </message>
    <message>
        <source>The value to write, a Kubernetes quantity (400m, 1.5, 2k). Enter sends it. %1 comes here from anywhere in the window.</source>
        <translation>書き込む値。Kubernetes の数量（400m、1.5、2k）。Enter で送信します。%1 でウィンドウのどこからでもここに移動できます。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>live</source>
        <translation>ライブ</translation>
    </message>
    <message>
        <source>Send while dragging and on release</source>
        <translation>ドラッグ中と離したときに送信</translation>
    </message>
    <message>
        <source>not connected to a cluster</source>
        <translation>クラスターに接続していません</translation>
    </message>
    <message>
        <source>The CPU each target pod uses, set through kwok&apos;s kwok.x-k8s.io/usage-cpu annotation (pods that appear later get it too); target %1 per pod</source>
        <translation>ターゲットの各 Pod が使う CPU。kwok の kwok.x-k8s.io/usage-cpu アノテーションで設定します（後から現れる Pod にも設定されます）。ターゲットは Pod ごとに %1</translation>
    </message>
</context>
<context>
    <name>hpascope::MetricWriter</name>
    <message>
        <source>External metrics cannot be written to the test adapter</source>
        <translation>External メトリクスはテストアダプターに書き込めません</translation>
    </message>
    <message>
        <source>CPU/memory come from metrics-server</source>
        <translation>CPU/メモリは metrics-server から取得されます</translation>
    </message>
    <message>
        <source>metric type &quot;%1&quot; is not known to hpascope</source>
        <translation>メトリクス種別 &quot;%1&quot; は hpascope が知らないものです</translation>
    </message>
    <message>
        <source>not connected to a cluster</source>
        <translation>クラスターに接続していません</translation>
    </message>
    <message>
        <source>sent %1, but reading it back failed: %2</source>
        <translation>%1 を送信しましたが、読み戻しに失敗しました: %2</translation>
    </message>
    <message>
        <source>the pods of %1 are unknown (no pod tracker)</source>
        <translation>%1 の Pod が不明です（Pod トラッカーがありません）</translation>
    </message>
    <message>
        <source>cannot find the pods of %1: %2</source>
        <translation>%1 の Pod が見つかりません: %2</translation>
    </message>
    <message>
        <source>the pods of %1 are not known yet (the pod list did not arrive within %2 s%3)</source>
        <translation>%1 の Pod はまだわかりません（%2 秒以内に Pod の一覧が届きませんでした%3）</translation>
    </message>
    <message>
        <source>%1 has no pods matching &quot;%2&quot; to write to</source>
        <translation>%1 には書き込み先となる &quot;%2&quot; に一致する Pod がありません</translation>
    </message>
    <message>
        <source>sent %1 to %2, but custom.metrics.k8s.io returned no value for them</source>
        <translation>%1 を %2 に送信しましたが、custom.metrics.k8s.io は値を返しませんでした</translation>
    </message>
    <message>
        <source>pods of %1</source>
        <translation>%1 の Pod</translation>
    </message>
</context>
<context>
    <name>hpascope::PodTracker</name>
    <message>
        <source>not connected to a cluster</source>
        <translation>クラスターに接続していません</translation>
    </message>
</context>
<context>
    <name>hpascope::PodUsagePoller</name>
    <message>
        <source>metrics.k8s.io is not served (metrics-server not installed): no CPU or memory usage to show, and the HPA controller cannot read Resource metrics either.</source>
        <translation>metrics.k8s.io が提供されていません（metrics-server が未インストール）。表示できる CPU・メモリ使用量はなく、HPA コントローラーも Resource メトリクスを読めません。</translation>
    </message>
    <message>
        <source>metrics API unavailable: metrics.k8s.io is registered, but metrics-server does not answer (is its pod ready?).</source>
        <translation>メトリクス API を利用できません。metrics.k8s.io は登録されていますが、metrics-server が応答しません（Pod は Ready ですか？）。</translation>
    </message>
    <message>
        <source>You are not allowed to list pods.metrics.k8s.io in namespace %1: no CPU or memory usage to show.</source>
        <translation>namespace %1 で pods.metrics.k8s.io を list する権限がありません。CPU・メモリ使用量は表示できません。</translation>
    </message>
    <message>
        <source>The answer of metrics.k8s.io could not be read: %1</source>
        <translation>metrics.k8s.io の応答を読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>Reading metrics.k8s.io failed: %1</source>
        <translation>metrics.k8s.io の読み取りに失敗しました: %1</translation>
    </message>
</context>
<context>
    <name>hpascope::PrometheusHistory</name>
    <message>
        <source>History: recorded by hpascope (Prometheus turned off)</source>
        <translation>履歴: hpascope の記録のみ (Prometheus はオフ)</translation>
    </message>
    <message>
        <source>Prometheus: %1</source>
        <translation>Prometheus: %1</translation>
    </message>
    <message>
        <source>History: looking for Prometheus in the cluster…</source>
        <translation>履歴: クラスターの Prometheus を探しています…</translation>
    </message>
    <message>
        <source>History: recorded by hpascope; no Prometheus found in the cluster (set one in Settings)</source>
        <translation>履歴: hpascope の記録のみ。クラスターに Prometheus が見つかりません (設定で指定できます)</translation>
    </message>
    <message>
        <source>History: recorded by hpascope; the cluster&apos;s services could not be listed to find Prometheus (set one in Settings)</source>
        <translation>履歴: hpascope の記録のみ。Prometheus を探すためのサービス一覧を取得できませんでした (設定で指定できます)</translation>
    </message>
    <message>
        <source>kube-state-metrics is older than v2.6.0: Prometheus has replica counts but no metric values</source>
        <translation>kube-state-metrics が v2.6.0 より古いため、Prometheus にはレプリカ数はありますがメトリクスの値はありません</translation>
    </message>
    <message>
        <source>History: recorded by hpascope; %1: %2</source>
        <translation>履歴: hpascope の記録のみ。%1: %2</translation>
    </message>
    <message>
        <source>History: recorded by hpascope, and from Prometheus (%1) before that</source>
        <translation>履歴: hpascope の記録と、それ以前は Prometheus (%1) から</translation>
    </message>
    <message>
        <source>History: recorded by hpascope only; Prometheus (%1): %2</source>
        <translation>履歴: hpascope の記録のみ。Prometheus (%1): %2</translation>
    </message>
    <message>
        <source>Prometheus cannot tell these metrics apart (kube-state-metrics names them alike), so it shows no history for them: %1</source>
        <translation>kube-state-metrics が同じ名前で出力するため Prometheus ではこれらのメトリクスを区別できず、履歴を表示しません: %1</translation>
    </message>
    <message>
        <source>History: recorded by hpascope; no Prometheus found in the namespaces %1 (the cluster&apos;s services cannot be listed in all namespaces; set one in Settings)</source>
        <translation>履歴: hpascope の記録のみ。名前空間 %1 に Prometheus が見つかりません (全名前空間のサービス一覧は取得できません。設定で指定できます)</translation>
    </message>
    <message>
        <source>Prometheus is not available</source>
        <translation>Prometheus は利用できません</translation>
    </message>
</context>
<context>
    <name>hpascope::Recorder</name>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 を作成できません: %2</translation>
    </message>
    <message>
        <source>History database %1: %2</source>
        <translation>履歴データベース %1: %2</translation>
    </message>
    <message>
        <source>History database: %1</source>
        <translation>履歴データベース: %1</translation>
    </message>
    <message>
        <source>not open</source>
        <translation>開かれていません</translation>
    </message>
</context>
<context>
    <name>hpascope::ReportDialog</name>
    <message>
        <source>Leave the API server&apos;s URL out</source>
        <translation>API サーバーの URL を含めない</translation>
    </message>
    <message>
        <source>Report on %1</source>
        <translation>%1 のレポート</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>直近 15 分</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>直近 1 時間</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>直近 6 時間</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>直近 24 時間</translation>
    </message>
    <message>
        <source>hpa-report-%1.pdf</source>
        <translation>hpa-report-%1.pdf</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>File (.pdf, .html or .png)</source>
        <translation>ファイル（.pdf、.html または .png）</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>レポート…</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>A PDF, HTML or PNG report of the selected HPA (Ctrl+R)</source>
        <translation>選択した HPA の PDF、HTML または PNG のレポート（Ctrl+R）</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>レポートを保存</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html);;PNG image (*.png)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>hpascope&apos;s history is not open: nothing to report.</source>
        <translation>hpascope の履歴が開かれていません: レポートにするものがありません。</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>レポートを書き込み中…</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 に書き込みました</translation>
    </message>
    <message>
        <source>Reading history from Prometheus…</source>
        <translation>Prometheus から履歴を読み取っています…</translation>
    </message>
    <message>
        <source>Prometheus could not be read (%1); writing the report without it…</source>
        <translation>Prometheus を読み取れませんでした (%1)。それなしでレポートを書き出しています…</translation>
    </message>
</context>
<context>
    <name>hpascope::SettingsDialog</name>
    <message>
        <source>The namespace of the custom-metrics test adapter&apos;s Service.</source>
        <translation>custom-metrics テストアダプターの Service の Namespace。</translation>
    </message>
    <message>
        <source>The name of the test adapter&apos;s Service (its write-metrics endpoint).</source>
        <translation>テストアダプターの Service の名前（write-metrics エンドポイント）。</translation>
    </message>
    <message>
        <source>The Service port, by name (http) or number.</source>
        <translation>Service のポート。名前（http）または番号。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation>システムの設定</translation>
    </message>
    <message>
        <source>The language of the window, the explanations and the reports.</source>
        <translation>ウィンドウ、説明、レポートの言語。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <source>Test adapter (the sliders write to it)</source>
        <translation>テストアダプター（スライダーの書き込み先）</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>ポート:</translation>
    </message>
    <message>
        <source>hpascope writes through the API server&apos;s service proxy, with your kubeconfig&apos;s credentials.</source>
        <translation>hpascope は API サーバーの Service プロキシ経由で、kubeconfig の認証情報を使って書き込みます。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Older samples and events are deleted when hpascope starts. Kubernetes itself keeps events for 1 h.</source>
        <translation>これより古いサンプルとイベントは hpascope の起動時に削除されます。Kubernetes 自体はイベントを 1 時間しか保持しません。</translation>
    </message>
    <message>
        <source>Keep for:</source>
        <translation>保持期間:</translation>
    </message>
    <message>
        <source>No history is open.</source>
        <translation>履歴は開かれていません。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>データベース:</translation>
    </message>
    <message>
        <source>Controller flags…</source>
        <translation>コントローラーフラグ…</translation>
    </message>
    <message>
        <source>The HPA controller&apos;s flags the explanations use, for the current context</source>
        <translation>説明に使う HPA コントローラーのフラグ（現在のコンテキスト用）</translation>
    </message>
    <message>
        <source>The adapter&apos;s namespace must be a DNS label (lower-case letters, digits and &apos;-&apos;).</source>
        <translation>アダプターの Namespace は DNS ラベル（小文字、数字、&apos;-&apos;）でなければなりません。</translation>
    </message>
    <message>
        <source>The adapter&apos;s service must be a DNS label (lower-case letters, digits and &apos;-&apos;).</source>
        <translation>アダプターの Service は DNS ラベル（小文字、数字、&apos;-&apos;）でなければなりません。</translation>
    </message>
    <message>
        <source>The adapter&apos;s port must be a port name or number.</source>
        <translation>アダプターのポートはポート名か番号でなければなりません。</translation>
    </message>
    <message>
        <source>The new language shows from the next start of hpascope.</source>
        <translation>新しい言語は hpascope の次回起動時から表示されます。</translation>
    </message>
    <message>
        <source>Prometheus (history from before hpascope watched), for %1</source>
        <translation>Prometheus (hpascope が監視する前の履歴)、%1 用</translation>
    </message>
    <message>
        <source>auto: find the cluster&apos;s Prometheus among its services; off: none; a URL (https://prometheus.example:9090); or NAMESPACE/SERVICE:PORT, reached through the API server&apos;s service proxy with your kubeconfig&apos;s credentials (monitoring/prometheus-k8s:web).</source>
        <translation>auto: クラスターのサービスから Prometheus を探します。off: 使いません。URL (https://prometheus.example:9090)、または NAMESPACE/SERVICE:PORT (API サーバーのサービスプロキシ経由で kubeconfig の認証情報を使って接続します。例: monitoring/prometheus-k8s:web)。</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>場所:</translation>
    </message>
    <message>
        <source>For a URL: a file holding a bearer token (the token itself is never stored).</source>
        <translation>URL の場合: ベアラートークンを含むファイル (トークン自体は保存しません)。</translation>
    </message>
    <message>
        <source>Token file:</source>
        <translation>トークンファイル:</translation>
    </message>
    <message>
        <source>Prometheus: %1</source>
        <translation>Prometheus: %1</translation>
    </message>
</context>
<context>
    <name>hpascope::StateBanner</name>
    <message>
        <source>&lt;b&gt;No cluster configured&lt;/b&gt;</source>
        <translation>&lt;b&gt;クラスターが設定されていません&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Access refused&lt;/b&gt;</source>
        <translation>&lt;b&gt;アクセスが拒否されました&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not signed in&lt;/b&gt;</source>
        <translation>&lt;b&gt;サインインしていません&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cluster unreachable&lt;/b&gt;</source>
        <translation>&lt;b&gt;クラスターに到達できません&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Simulation.&lt;/b&gt; This is hpascope&apos;s embedded demo cluster, not Kubernetes: the HPA controller is hpascope&apos;s port of the real one, pods become ready after 10 s, and the sliders feed its metrics. Use the speed control to watch the 5-minute scale-down window pass.</source>
        <translation>&lt;b&gt;シミュレーション。&lt;/b&gt;これは hpascope に組み込まれたデモクラスターで、Kubernetes ではありません: HPA コントローラーは本物を hpascope に移植したもので、Pod は 10 秒後に Ready になり、スライダーがメトリクスを供給します。速度の調整で、5 分のスケールダウンウィンドウが過ぎるのを見てみましょう。</translation>
    </message>
    <message>
        <source>Watch instead: %1</source>
        <translation>代わりに表示: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot connect with this kubeconfig&lt;/b&gt;</source>
        <translation>&lt;b&gt;この kubeconfig では接続できません&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>hpascope::TimelineChart</name>
    <message>
        <source>Replicas</source>
        <translation>レプリカ数</translation>
    </message>
    <message>
        <source>min–max</source>
        <translation>最小–最大</translation>
    </message>
    <message>
        <source>desired</source>
        <translation>希望数</translation>
    </message>
    <message>
        <source>current</source>
        <translation>現在数</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目標値</translation>
    </message>
    <message>
        <source>%1 (what-if)</source>
        <translation>%1（予測）</translation>
    </message>
    <message>
        <source>current</source>
        <comment>a metric&apos;s current value</comment>
        <translation>現在値</translation>
    </message>
    <message>
        <source>%1 (Prometheus)</source>
        <comment>a chart trace whose history came from Prometheus</comment>
        <translation>%1 (Prometheus)</translation>
    </message>
</context>
<context>
    <name>hpascope::TimelinePanel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 時間</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an autoscaler to see its history.</source>
        <translation>オートスケーラーを選択すると履歴が表示されます。</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>表示期間</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>ライブ</translation>
    </message>
    <message>
        <source>Follow the latest data; uncheck to pause the view</source>
        <translation>最新のデータを追従します。オフにすると表示を一時停止します</translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <comment>days</comment>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>the settings file: %1</source>
        <translation>設定ファイル: %1</translation>
    </message>
    <message>
        <source>A live dashboard for the Kubernetes HorizontalPodAutoscaler.
Subcommands: snapshot, push, report, export (hpascope &lt;command&gt; --help).</source>
        <translation>Kubernetes HorizontalPodAutoscaler のライブダッシュボード。
サブコマンド: snapshot、push、report、export（hpascope &lt;command&gt; --help）。</translation>
    </message>
    <message>
        <source>Show HPAs of this namespace.</source>
        <translation>この Namespace の HPA を表示します。</translation>
    </message>
    <message>
        <source>Show HPAs of all namespaces.</source>
        <translation>すべての Namespace の HPA を表示します。</translation>
    </message>
    <message>
        <source>Run on the embedded simulated cluster (no Kubernetes needed).</source>
        <translation>組み込みのシミュレーションクラスターで実行します（Kubernetes 不要）。</translation>
    </message>
    <message>
        <source>The language of the window and messages: %1 (default: the setting, then the system&apos;s).</source>
        <translation>ウィンドウとメッセージの言語: %1（既定: 設定、次にシステムの言語）。</translation>
    </message>
    <message>
        <source>Where the charts&apos; older history comes from: auto (find the cluster&apos;s Prometheus, the default), off, a URL, or NAMESPACE/SERVICE:PORT behind the API server&apos;s service proxy.</source>
        <translation>グラフの古い履歴の取得元: auto (クラスターの Prometheus を探す。既定)、off、URL、または API サーバーのサービスプロキシ経由の NAMESPACE/SERVICE:PORT。</translation>
    </message>
    <message>
        <source>A file holding the bearer token for a Prometheus URL.</source>
        <translation>Prometheus の URL 用のベアラートークンを含むファイル。</translation>
    </message>
</context>
</TS>
