# Session helpers (capplan src/provision/session.bash), the same in every provision.sh.
# Bash >= 4 (coproc). virsh prints "virsh # " (root) or "virsh > " before each command it
# reads; those echo lines are dropped, the rest is the command's output.
set -euo pipefail
cd -- "$(dirname -- "${BASH_SOURCE[0]}")"
LIBVIRT_URI="${LIBVIRT_URI:-qemu:///system}"
DRY_RUN=0
INFRA_ONLY=0
for arg in "$@"; do
  case $arg in
  --dry-run) DRY_RUN=1 ;;
  # Networks and the pool only: the VMs come from the migration waves (virt-v2v defines them).
  --infrastructure-only) INFRA_ONLY=1 ;;
  *)
    printf 'provision.sh: unknown option %s (--dry-run, --infrastructure-only)\n' "$arg" >&2
    exit 2
    ;;
  esac
done

# One virsh session (one connection) for the whole run: libvirt's test driver keeps its state
# per connection, and it is faster. After each command the session echoes a marker; the
# command's output is what comes before it, and an "error:" line stops the script.
coproc VIRSH { exec virsh -c "$LIBVIRT_URI" 2>&1; }
VIRSH_IN=${VIRSH[1]}
VIRSH_OUT=${VIRSH[0]}
SEQ=0
OUT=''
CHANGES=0
vsh() {
  local line marker
  SEQ=$((SEQ + 1))
  marker="@@capplan-$SEQ@@"
  OUT=''
  printf '%s\necho %s\n' "$1" "'@@'capplan-$SEQ'@@'" >&"$VIRSH_IN"
  while true; do
    if ! IFS= read -r line <&"$VIRSH_OUT"; then
      printf 'provision.sh: virsh ended during: %s\n%s' "$1" "$OUT" >&2
      exit 1
    fi
    [[ $line == "$marker" ]] && break
    [[ $line == 'virsh # '* || $line == 'virsh > '* ]] && continue
    OUT+="$line"$'\n'
  done
  if grep -q '^error:' <<<"$OUT"; then
    printf 'provision.sh: virsh %s\n%s' "$1" "$OUT" >&2
    exit 1
  fi
}
# names LINE: the object names a virsh listing prints, one per line, without padding.
names() { vsh "$1"; sed -e 's/[[:space:]]*$//' -e '/^$/d' <<<"$OUT"; }
has() { grep -Fxq -- "$2" <<<"$1"; }
act() {
  CHANGES=$((CHANGES + 1))
  if ((DRY_RUN)); then
    printf 'would run: virsh %s\n' "$1"
  else
    printf 'virsh %s\n' "$1"
    vsh "$1"
  fi
}

vsh uri
printf 'connected to %s\n' "$(sed '/^[[:space:]]*$/d' <<<"$OUT" | tail -n 1)"
