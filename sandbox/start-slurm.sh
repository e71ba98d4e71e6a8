#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine (munged, slurmctld, slurmd, all as root) so that
# `hwforge batch --executor slurm` and its tests run against a real scheduler, not a mock of sbatch.
# Idempotent: when the node already answers `sinfo`, it says so and exits 0.
# Needs Debian's slurm-wlm and munge (sandbox/install-toolchain.sh installs them) and root.
# Exits non-zero with the daemons' logs when the cluster does not come up, so a test can show why.
set -uo pipefail

CONF=/etc/slurm/slurm.conf
MARK="# written by HwForge sandbox/start-slurm.sh"
STATE=/var/lib/hwforge-slurm
LOGS=/var/log/hwforge-slurm
NODE="$(hostname -s)"

fail() { echo "start-slurm: $*" >&2; for f in "$LOGS"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 20 "$f" >&2; }; done; exit 1; }

node_state() { sinfo -h -n "$NODE" -o %T 2>/dev/null | head -n 1; }

[ "$(id -u)" -eq 0 ] || { echo "start-slurm: run as root (the daemons need it)" >&2; exit 2; }
for tool in munged slurmctld slurmd sinfo sbatch scontrol; do
  command -v "$tool" >/dev/null || { echo "start-slurm: $tool not found: run sandbox/install-toolchain.sh (packages slurm-wlm, munge)" >&2; exit 2; }
done

case "$(node_state)" in
  idle*|mixed*|allocated*|completing*) echo "start-slurm: already running, node $NODE is $(node_state)"; exit 0 ;;
esac

# Never overwrite a slurm.conf that someone else wrote: this machine may belong to a real cluster.
if [ -f "$CONF" ] && ! grep -qF "$MARK" "$CONF"; then
  echo "start-slurm: $CONF exists and was not written by HwForge; leaving it alone" >&2; exit 2
fi

mkdir -p "$STATE/ctld" "$STATE/d" "$LOGS" /etc/slurm /run/munge /var/log/munge /var/lib/munge
# Leave room for the OS and the tools: Slurm refuses a node that has less memory than configured.
mem_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
cpus=$(nproc)

# accounting_storage/none keeps slurmdbd and MySQL out; finished tasks are then read with
# `scontrol show job` (kept MinJobAge seconds), and jobcomp/filetxt leaves a plain log of them.
cat > "$CONF" <<EOF
$MARK
ClusterName=hwforge
SlurmctldHost=$NODE
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/d
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$LOGS/slurmctld.log
SlurmdLogFile=$LOGS/slurmd.log
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$LOGS/jobcomp.log
MinJobAge=600
MaxArraySize=10001
ReturnToService=2
SlurmdTimeout=60
NodeName=$NODE CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=batch Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF
# Debian's slurm-wlm ships no cgroup.conf; none of the plugins above needs one.

# munge: one key, readable only by the munge user, and its daemon running as that user.
if [ ! -s /etc/munge/munge.key ]; then
  if command -v mungekey >/dev/null; then mungekey --create --keyfile=/etc/munge/munge.key
  else dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none; fi
fi
chown munge:munge /etc/munge/munge.key /run/munge /var/log/munge /var/lib/munge
chmod 0400 /etc/munge/munge.key
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged || fail "munged did not start (see /var/log/munge/munged.log)"
fi

pgrep -x slurmctld >/dev/null || slurmctld || fail "slurmctld did not start"
pgrep -x slurmd >/dev/null || slurmd || fail "slurmd did not start"

for _ in $(seq 1 60); do
  case "$(node_state)" in
    idle*|mixed*|allocated*) echo "start-slurm: node $NODE is $(node_state) (CPUs=$cpus RealMemory=${mem_mb}M)"; exit 0 ;;
    down*|drain*) scontrol update NodeName="$NODE" State=RESUME >/dev/null 2>&1 || true ;;
  esac
  sleep 1
done
fail "node $NODE did not become idle within 60 s (sinfo says: $(node_state))"
