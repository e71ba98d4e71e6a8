#!/usr/bin/env bash
# Installs, from Debian's packages, every tool HwForge drives and the sandbox it drives them in (and, from npm,
# the MCP TypeScript SDK its MCP test drives the server with).
# Idempotent: packages already present are left alone, and nothing is fetched when all are there.
# Exits non-zero, naming each package that could not be installed, so a broken machine is obvious.
set -uo pipefail

# package  -> what HwForge needs it for
PACKAGES=(
  "bubblewrap:the sandbox every tool and generated program runs in"
  "util-linux:prlimit and setpriv (resource limits, dropping privileges in the sandbox)"
  "verilator:lint, C++/SV testbench simulation"
  "iverilog:event-driven simulation"
  "yosys:synthesis, statistics, formal equivalence"
  "opensta:static timing and power"
  "nextpnr-ice40:iCE40 place and route"
  "fpga-icestorm:iCE40 bitstream tools"
  "fpga-icestorm-chipdb:iCE40 chip databases"
  "qflow-tech-osu018:the default ASIC standard-cell library (OSU 0.18um)"
  "z3:SMT solver for formal checks"
  "g++:C++ testbenches and Verilator models"
  "clang-19:CUDA kernels compiled to PTX (the cuda target's real-compiler check where nvcc is absent)"
  "nvidia-cuda-toolkit:nvcc and ptxas: CUDA kernels compiled for real, their registers, spills and shared memory (Debian non-free)"
  "clang-14:nvcc's host compiler (nvcc 11.8 accepts no g++ newer than 11)"
  "make:Verilator model builds"
  "perl:Verilator's driver"
  "slurm-wlm:hwforge batch --executor slurm and its tests (sandbox/start-slurm.sh)"
  "munge:Slurm's authentication between its daemons and clients"
  "slurmdbd:Slurm's accounting daemon, so that sacct reports every finished array task (sandbox/start-slurm.sh)"
  "mariadb-server:the database slurmdbd keeps Slurm's accounting in"
  "libopenblas0:OpenBLAS sgemm, the GEMM the inference core's benchmark is compared with (skipped when absent)"
  "chromium:the browser the web UI's end-to-end tests drive (Playwright, never a downloaded browser)"
)

# Wanted but not required: where one cannot be installed (a mirror without non-free, a small disk), the tests that
# need it report themselves skipped by name, and the script still succeeds, saying so.
OPTIONAL=" nvidia-cuda-toolkit clang-14 "

if [ "$(id -u)" -eq 0 ]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo); else
  echo "install-toolchain: run as root or install sudo" >&2; exit 2; fi

# nvidia-cuda-toolkit is in Debian's non-free component and needs contrib (nvidia-support): add both, from the
# mirror the main component comes from, when apt cannot see the package yet. ~1.6 GB to fetch the first time.
enable_nonfree() {
  apt-cache policy nvidia-cuda-toolkit 2>/dev/null | grep -q 'Candidate: [0-9]' && return 0
  local mirror suites
  mirror=$(grep -h -m1 -oE '^URIs: *[^ ]+' /etc/apt/sources.list.d/debian.sources 2>/dev/null | awk '{print $2}')
  [ -n "$mirror" ] || mirror=$(grep -h -m1 -oE '^deb +[^ ]+' /etc/apt/sources.list 2>/dev/null | awk '{print $2}')
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  suites="$(. /etc/os-release && echo "$VERSION_CODENAME $VERSION_CODENAME-updates")"
  echo "install-toolchain: adding Debian's contrib and non-free components ($mirror, $suites) for nvidia-cuda-toolkit"
  printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: contrib non-free\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$mirror" "$suites" | "${SUDO[@]}" tee /etc/apt/sources.list.d/hwforge-nonfree.sources >/dev/null
}

missing=()
for entry in "${PACKAGES[@]}"; do
  name="${entry%%:*}"
  dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed" || missing+=("$name")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-toolchain: all ${#PACKAGES[@]} packages already installed"
else
  echo "install-toolchain: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  case " ${missing[*]} " in *" nvidia-cuda-toolkit "*) enable_nonfree ;; esac
  "${SUDO[@]}" apt-get update -q >/dev/null 2>&1 || echo "install-toolchain: warning: apt-get update failed; trying the package lists at hand" >&2
  # One transaction is fastest; if it fails, install one by one to find the culprit.
  if ! "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/hwforge-apt.log 2>&1; then
    for name in "${missing[@]}"; do
      "${SUDO[@]}" apt-get install -y -q --no-install-recommends "$name" >>/tmp/hwforge-apt.log 2>&1 || true
    done
  fi
fi

failed=0
for entry in "${PACKAGES[@]}"; do
  name="${entry%%:*}"; why="${entry#*:}"
  if ! dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed"; then
    if [[ "$OPTIONAL" == *" $name "* ]]; then
      echo "install-toolchain: warning: could not install $name ($why); its tests will report themselves skipped; see /tmp/hwforge-apt.log" >&2
    else
      echo "install-toolchain: FAILED to install $name ($why); see /tmp/hwforge-apt.log" >&2
      failed=1
    fi
  fi
done

# The MCP tests drive 'hwforge mcp' with a client HwForge did not write, the official TypeScript SDK, installed
# from npm at the version package-lock.json pins (npm ci; skipped while node_modules is newer than the lock file).
TS_CLIENT="$(dirname "$0")/../tests/HwForge.Cli.Tests/Mcp/ts-client"
if ! command -v npm >/dev/null; then
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends nodejs npm >>/tmp/hwforge-apt.log 2>&1 || true
fi
if ! command -v npm >/dev/null; then
  echo "install-toolchain: FAILED to install node and npm (the MCP TypeScript client test); see /tmp/hwforge-apt.log" >&2
  failed=1
elif ! [ "$TS_CLIENT/node_modules/.package-lock.json" -nt "$TS_CLIENT/package-lock.json" ] \
     && ! (cd "$TS_CLIENT" && npm ci --no-audit --no-fund --loglevel=error >/tmp/hwforge-npm.log 2>&1); then
  echo "install-toolchain: FAILED to install the MCP TypeScript SDK (npm ci in $TS_CLIENT); see /tmp/hwforge-npm.log" >&2
  failed=1
fi

# Every sandboxed tool writes to /dev/null; a host where something reset its mode breaks them all
# ("Cannot write /dev/null"), so as root put it back to the standard 0666.
if [ "$(id -u)" -eq 0 ] && [ -c /dev/null ] && [ "$(stat -c %a /dev/null)" != 666 ]; then
  chmod 666 /dev/null && echo "install-toolchain: /dev/null was not writable by all; mode reset to 0666" >&2
fi

# The packages are not enough: the sandbox must actually start on this kernel.
if command -v bwrap >/dev/null && ! bwrap --ro-bind /usr /usr --symlink usr/bin /bin --symlink usr/lib /lib \
     --symlink usr/lib64 /lib64 --proc /proc --dev /dev --unshare-pid --unshare-net /usr/bin/true 2>/tmp/hwforge-bwrap.log; then
  echo "install-toolchain: bubblewrap is installed but cannot create namespaces here: $(cat /tmp/hwforge-bwrap.log)" >&2
  echo "install-toolchain: allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1)" >&2
  failed=1
fi

[ "$failed" -eq 0 ] && echo "install-toolchain: ready"
exit "$failed"
