#!/usr/bin/env bash
# capplan migration wave 2 of 3, project aseguradora: 3 VM(s), 165 GB, HA priority medium.
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

# web ← Servidor Web (p2v): 2 vCPU, 3072 MiB, 50 GB
uri_of rhevh2
if defined web; then
  finish web 2 3072 1
else
  echo 'web: physical server Servidor Web; boot it from the virt-p2v ISO with:'
  echo '  p2v.server=rhevh2 p2v.username=root p2v.o=libvirt p2v.os=capplan p2v.oa=preallocated p2v.name=web p2v.vcpus=2 p2v.memory=3072M p2v.network=eth0:datos'
  echo "  then run this script again"
fi

# vpn ← Servidor VPN (p2v): 1 vCPU, 1024 MiB, 40 GB
uri_of rhevh2
if defined vpn; then
  finish vpn 1 1024 1
else
  echo 'vpn: physical server Servidor VPN; boot it from the virt-p2v ISO with:'
  echo '  p2v.server=rhevh2 p2v.username=root p2v.o=libvirt p2v.os=capplan p2v.oa=preallocated p2v.name=vpn p2v.vcpus=1 p2v.memory=1024M p2v.network=eth0:datos'
  echo "  then run this script again"
fi

# archivos ← Servidor Archivos (p2v): 1 vCPU, 1024 MiB, 75 GB
uri_of rhevh1
if defined archivos; then
  finish archivos 1 1024 1
else
  echo 'archivos: physical server Servidor Archivos; boot it from the virt-p2v ISO with:'
  echo '  p2v.server=rhevh1 p2v.username=root p2v.o=libvirt p2v.os=capplan p2v.oa=preallocated p2v.name=archivos p2v.vcpus=1 p2v.memory=1024M p2v.network=eth0:datos'
  echo "  then run this script again"
fi

echo 'wave 2: done'
