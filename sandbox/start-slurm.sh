#!/usr/bin/env bash
# Starts a one-node Slurm cluster with job accounting on this machine (MariaDB, munged, slurmdbd, slurmctld,
# slurmd) so that `hwforge batch --executor slurm` and its tests run against a real scheduler and a real `sacct`,
# not a mock of them.
# Idempotent: when the node answers `sinfo` and `sacct` answers, it says so and exits 0. A cluster this script
# started earlier without accounting is reconfigured: its slurm.conf is rewritten and slurmctld/slurmd restarted.
# Needs Debian's slurm-wlm, slurmdbd, mariadb-server and munge (sandbox/install-toolchain.sh installs them) and root.
# Exits non-zero with the daemons' log tails when the cluster does not come up, so a test can show why.
set -uo pipefail

CONF=/etc/slurm/slurm.conf
DBD_CONF=/etc/slurm/slurmdbd.conf
MARK="# written by HwForge sandbox/start-slurm.sh"
STATE=/var/lib/hwforge-slurm
LOGS=/var/log/hwforge-slurm
NODE="$(hostname -s)"
CLUSTER=hwforge
DB=slurm_acct_db
DB_USER=slurm
SLURM_USER=root   # every daemon runs as root here; slurmdbd.conf must belong to this user

fail() {
  echo "start-slurm: $*" >&2
  for f in "$LOGS"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 20 "$f" >&2; }; done
  exit 1
}

# wait_for SECONDS WHAT COMMAND...: runs COMMAND once a second until it succeeds; fails naming WHAT.
wait_for() {
  local seconds="$1" what="$2"; shift 2
  for _ in $(seq 1 "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  fail "$what did not happen within $seconds s"
}

node_state() { sinfo -h -n "$NODE" -o %T 2>/dev/null | head -n 1; }
node_ready() { case "$(node_state)" in idle*|mixed*|allocated*|completing*) return 0 ;; *) return 1 ;; esac; }
# sacct prints "Slurm accounting storage is disabled" and exits 0 on a cluster without slurmdbd: look at the words.
sacct_answers() { local out; out="$(sacct -n -X -S now 2>&1)" && ! grep -qiE 'disabled|error' <<<"$out"; }
db_up() { mariadb-admin --protocol=socket ping >/dev/null 2>&1; }
dbd_answers() { sacctmgr -n -P list cluster format=Cluster >/dev/null 2>&1; }
pid_alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# stop_daemon NAME: stops the daemon this script started, by the pid in its pid file, and waits until it is gone.
stop_daemon() {
  local pidfile="$STATE/$1.pid" pid
  pid_alive "$pidfile" || { pgrep -x "$1" >/dev/null && fail "$1 runs but not from $pidfile; stop it yourself, then run this again"; return 0; }
  pid="$(cat "$pidfile")"
  kill "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  fail "$1 (pid $pid) did not stop within 30 s"
}

[ "$(id -u)" -eq 0 ] || { echo "start-slurm: run as root (the daemons need it)" >&2; exit 2; }
for tool in munged slurmctld slurmd slurmdbd sinfo sbatch scontrol sacct sacctmgr mariadbd mysqld_safe mariadb mariadb-admin; do
  command -v "$tool" >/dev/null || { echo "start-slurm: $tool not found: run sandbox/install-toolchain.sh (packages slurm-wlm, slurmdbd, mariadb-server, munge)" >&2; exit 2; }
done

if node_ready && sacct_answers; then
  echo "start-slurm: already running with accounting, node $NODE is $(node_state)"; exit 0
fi

# Never overwrite a slurm.conf that someone else wrote: this machine may belong to a real cluster.
for f in "$CONF" "$DBD_CONF"; do
  if [ -f "$f" ] && ! grep -qF "$MARK" "$f"; then
    echo "start-slurm: $f exists and was not written by HwForge; leaving it alone" >&2; exit 2
  fi
done

mkdir -p "$STATE/ctld" "$STATE/d" "$LOGS" /etc/slurm /run/munge /var/log/munge /var/lib/munge /run/mysqld
# Leave room for the OS and the tools: Slurm refuses a node that has less memory than configured.
mem_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
cpus=$(nproc)

# Accounting goes through slurmdbd into MariaDB, so `sacct` knows every task of every array, also long after
# slurmctld has forgotten it (MinJobAge). jobacct_gather/linux fills in the tasks' CPU and memory use.
new_conf="$(cat <<EOF
$MARK
ClusterName=$CLUSTER
SlurmctldHost=$NODE
SlurmUser=$SLURM_USER
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
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=30
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
AccountingStoragePort=6819
JobCompType=jobcomp/filetxt
JobCompLoc=$LOGS/jobcomp.log
MinJobAge=600
MaxArraySize=10001
ReturnToService=2
SlurmdTimeout=60
NodeName=$NODE CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=batch Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF
)"
conf_changed=0
if [ "$(cat "$CONF" 2>/dev/null)" != "$new_conf" ]; then
  printf '%s\n' "$new_conf" > "$CONF"; conf_changed=1
fi
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

# MariaDB, started by hand because there is no systemd here (and policy-rc.d may forbid service starts).
chown mysql:mysql /run/mysqld
if ! db_up; then
  if [ ! -d /var/lib/mysql/mysql ]; then
    mariadb-install-db --user=mysql --datadir=/var/lib/mysql >"$LOGS/mariadb-install.log" 2>&1 || fail "mariadb-install-db failed"
  fi
  touch "$LOGS/mariadb.log"; chown mysql:mysql "$LOGS/mariadb.log"
  setsid mysqld_safe --user=mysql --log-error="$LOGS/mariadb.log" </dev/null >/dev/null 2>&1 &
  wait_for 60 "MariaDB answering on its socket (mariadb-admin ping)" db_up
fi

# slurmdbd's own database user, with a password that lives only in slurmdbd.conf (mode 600, root's).
# The password is kept across runs so that a running slurmdbd and the database keep agreeing.
password="$(sed -n 's/^StoragePass=//p' "$DBD_CONF" 2>/dev/null)"
[ -n "$password" ] || password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
mariadb --protocol=socket <<EOF || fail "could not create the database $DB and its user $DB_USER in MariaDB"
CREATE DATABASE IF NOT EXISTS $DB;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$password';
ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$password';
GRANT ALL ON $DB.* TO '$DB_USER'@'localhost';
EOF

new_dbd="$(cat <<EOF
$MARK
AuthType=auth/munge
DbdHost=localhost
DbdPort=6819
SlurmUser=$SLURM_USER
DebugLevel=info
LogFile=$LOGS/slurmdbd.log
PidFile=$STATE/slurmdbd.pid
StorageType=accounting_storage/mysql
StorageHost=localhost
StorageLoc=$DB
StorageUser=$DB_USER
StoragePass=$password
EOF
)"
dbd_changed=0
if [ "$(cat "$DBD_CONF" 2>/dev/null)" != "$new_dbd" ]; then
  (umask 077; printf '%s\n' "$new_dbd" > "$DBD_CONF"); dbd_changed=1
fi
chown "$SLURM_USER": "$DBD_CONF"; chmod 600 "$DBD_CONF"

# Order matters: slurmdbd needs MariaDB, the cluster must be known to slurmdbd before slurmctld registers with
# it, and slurmd needs slurmctld.
if [ "$dbd_changed" -eq 1 ]; then stop_daemon slurmdbd; fi
pid_alive "$STATE/slurmdbd.pid" || slurmdbd || fail "slurmdbd did not start"
wait_for 60 "slurmdbd answering sacctmgr" dbd_answers
if ! grep -qx "$CLUSTER" <<<"$(sacctmgr -n -P list cluster format=Cluster)"; then
  sacctmgr -i add cluster "$CLUSTER" >/dev/null || fail "sacctmgr could not add cluster $CLUSTER"
fi

# A slurmctld or slurmd already running with another configuration (no accounting, say) only picks up
# AccountingStorageType on a restart, not on `scontrol reconfigure`. Slurm means running jobs to outlive it.
running_conf="$(scontrol show config 2>/dev/null)"   # read whole: grep -q on a pipe would break it under pipefail
if [ "$conf_changed" -eq 1 ] || ! grep -q 'AccountingStorageType *= accounting_storage/slurmdbd' <<<"$running_conf"; then
  if pgrep -x slurmctld >/dev/null || pgrep -x slurmd >/dev/null; then
    echo "start-slurm: restarting slurmctld and slurmd with accounting"
    stop_daemon slurmd; stop_daemon slurmctld
  fi
fi
pgrep -x slurmctld >/dev/null || slurmctld || fail "slurmctld did not start"
pgrep -x slurmd >/dev/null || slurmd || fail "slurmd did not start"

for _ in $(seq 1 60); do
  case "$(node_state)" in
    idle*|mixed*|allocated*) break ;;
    down*|drain*) scontrol update NodeName="$NODE" State=RESUME >/dev/null 2>&1 || true ;;
  esac
  sleep 1
done
node_ready || fail "node $NODE did not become idle within 60 s (sinfo says: $(node_state))"
wait_for 30 "sacct answering from the accounting database" sacct_answers
echo "start-slurm: node $NODE is $(node_state) (CPUs=$cpus RealMemory=${mem_mb}M), accounting in MariaDB $DB via slurmdbd"
