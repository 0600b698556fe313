# Shared by up, down, smoke and exec-in. Sourced, not run.
# shellcheck shell=bash disable=SC2034  # variables used by the scripts that source this

CLUSTER_SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$CLUSTER_SRC/../.." && pwd)"
RUN_DIR="${HPASCOPE_CLUSTER_DIR:-/tmp/hpascope-cluster}"

# Addresses inside the run's private network namespace (traffic never leaves it).
API_IP=10.77.0.10   # kube-apiserver (bind + advertise)
NODE_IP=10.77.0.11  # the kwok node's InternalIP = hostNetwork pod IP = where the adapter listens
NET_CIDR=24
SERVICE_CIDR=10.96.0.0/16
SERVICE_API_IP=10.96.0.1 # first address of SERVICE_CIDR: the `kubernetes` Service's ClusterIP
POD_CIDR=10.244.0.0/16   # kwok hands out fake pod IPs from here (nothing listens on them)
API_PORT=6443

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# Reads the state of a running cluster (written by up) into NETNS, BIN, KUBECONFIG_PATH.
load_state() {
    if [[ ! -f "$RUN_DIR/state/netns" ]]; then
        echo "no cluster in $RUN_DIR (run tests/cluster/up first)" >&2
        return 1
    fi
    NETNS="$(cat "$RUN_DIR/state/netns")"
    BIN="$(cat "$RUN_DIR/state/bin")"
    KUBECONFIG_PATH="$RUN_DIR/kubeconfig"
}

nsx() { ip netns exec "$NETNS" "$@"; }
kc() { nsx "$BIN/kubectl" --kubeconfig "$KUBECONFIG_PATH" "$@"; }
# curl against the API server as the admin user (client certificate), inside the namespace.
api_curl() {
    nsx curl -sS --cacert "$RUN_DIR/pki/ca.crt" --cert "$RUN_DIR/pki/admin.crt" --key "$RUN_DIR/pki/admin.key" "$@"
}
