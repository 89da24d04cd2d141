#!/usr/bin/env bash
# capplan migration wave 1 of 3, project aseguradora: 3 VM(s), 160 GB, HA priority low.
# Converts each VM with virt-v2v into its planned host, pool, network and name (method §13), sets the
# planned vCPU and memory, autostart and starts it. A VM already on its host is not converted again.
# Run provision.sh on every host first (networks and pool; --infrastructure-only leaves the VMs out).
# Usage: [VCENTER=vc.example.com] [OUTPUT_URI_TEMPLATE='qemu+ssh://root@%s/system'] ./wave.sh [--dry-run]
set -euo pipefail
DRY_RUN=0
if [[ ${1:-} == --dry-run ]]; then DRY_RUN=1; fi
# Where each VM goes: printf template of the planned host's libvirt URI (%s = host name).
OUTPUT_URI_TEMPLATE=${OUTPUT_URI_TEMPLATE:-qemu+ssh://root@%s/system}
PASSWORD_FILE=${PASSWORD_FILE:-/root/vcenter.pwd}
IMAGE_DIR=${IMAGE_DIR:-/var/tmp/capplan-images}
VCENTER=${VCENTER:-''}
VCENTER_USER=${VCENTER_USER:-administrator@vsphere.local}
VPX_QUERY=''
run() {
  if ((DRY_RUN)); then printf 'would run:'; else printf 'running:'; fi
  printf ' %q' "$@"
  printf '\n'
  if ((!DRY_RUN)); then "$@"; fi
}
uri_of() { printf -v URI "$OUTPUT_URI_TEMPLATE" "$1"; }
defined() { virsh -c "$URI" domstate --domain "$1" >/dev/null 2>&1; }
running() { [[ $(virsh -c "$URI" domstate --domain "$1" 2>/dev/null) == running* ]]; }
vpx_of() {
  if [[ -z $VCENTER ]]; then
    echo 'set VCENTER to the vCenter host name (the RVTools export does not name it)' >&2
    exit 2
  fi
  VPX="vpx://${VCENTER_USER//@/%40}@$VCENTER/$1$VPX_QUERY"
}
# After the conversion: the planned size, autostart, start.
finish() {
  local name=$1 vcpu=$2 mib=$3 autostart=$4
  run virsh -c "$URI" setvcpus --domain "$name" --count "$vcpu" --maximum --config
  run virsh -c "$URI" setvcpus --domain "$name" --count "$vcpu" --config
  run virsh -c "$URI" setmaxmem --domain "$name" --size "${mib}M" --config
  run virsh -c "$URI" setmem --domain "$name" --size "${mib}M" --config
  if ((autostart)); then run virsh -c "$URI" autostart --domain "$name"; fi
  if ((DRY_RUN)) || ! running "$name"; then run virsh -c "$URI" start --domain "$name"; fi
}

# intranet ← Servidor Intranet (p2v): 2 vCPU, 4096 MiB, 45 GB
uri_of rhevh2
if defined intranet; then
  finish intranet 2 4096 1
else
  echo 'intranet: physical server Servidor Intranet; boot it from the virt-p2v ISO with:'
  echo '  p2v.server=rhevh2 p2v.username=root p2v.o=libvirt p2v.os=capplan p2v.oa=preallocated p2v.name=intranet p2v.vcpus=2 p2v.memory=4096M p2v.network=eth0:datos'
  echo "  then run this script again"
fi

# propietario-1 ← Servidor Propietario 1 (p2v): 1 vCPU, 3072 MiB, 40 GB
uri_of rhevh1
if defined propietario-1; then
  finish propietario-1 1 3072 1
else
  echo 'propietario-1: physical server Servidor Propietario 1; boot it from the virt-p2v ISO with:'
  echo '  p2v.server=rhevh1 p2v.username=root p2v.o=libvirt p2v.os=capplan p2v.oa=preallocated p2v.name=propietario-1 p2v.vcpus=1 p2v.memory=3072M p2v.network=eth0:datos'
  echo "  then run this script again"
fi

# propietario-2 ← Servidor Propietario 2 (p2v): 1 vCPU, 3072 MiB, 75 GB
uri_of rhevh2
if defined propietario-2; then
  finish propietario-2 1 3072 1
else
  echo 'propietario-2: physical server Servidor Propietario 2; boot it from the virt-p2v ISO with:'
  echo '  p2v.server=rhevh2 p2v.username=root p2v.o=libvirt p2v.os=capplan p2v.oa=preallocated p2v.name=propietario-2 p2v.vcpus=1 p2v.memory=3072M p2v.network=eth0:datos'
  echo "  then run this script again"
fi

echo 'wave 1: done'
