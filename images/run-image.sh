#!/usr/bin/env bash
# Runs an image tarball's entrypoint the way a container runtime with Kubernetes' hardening would, without Docker or a
# cluster: to check an image built by `./mvnw package -Pimages` on any Linux machine where you are root.
#
#   images/run-image.sh [--memory 512M] [--seconds 60] [--probe PORT/PATH] IMAGE_TAR [NAME=VALUE ...]
#
# It unpacks the image's layers in order, then starts its entrypoint with the image's environment (plus NAME=VALUE),
# user and working directory, in new mount, PID, UTS and network namespaces: the root file system read-only, /tmp a
# fresh tmpfs (the emptyDir of the manifests), /proc, a minimal /dev, /etc/hosts, an empty /etc/resolv.conf, and no
# network but an own loopback. --memory puts it in a memory cgroup of that limit (cgroup v1 or v2), mounted where the
# JVM looks for it, as in a pod with a memory limit. --probe asks http://127.0.0.1:PORT/PATH (in the namespace, e.g.
# 9000/q/health/ready) until it answers; the process is stopped then, after --seconds (default 60), or when it ends.
set -euo pipefail

memory="" seconds=60 probe=""
while [ $# -gt 0 ]; do
  case "$1" in
    --memory) memory=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --probe) probe=$2; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
tarball=${1:?usage: run-image.sh [--memory 512M] [--seconds 60] [--probe PORT/PATH] IMAGE_TAR [NAME=VALUE ...]}
shift
[ "$(id -u)" = 0 ] || { echo "run-image.sh: needs root (namespaces, mounts, chroot)" >&2; exit 2; }

work=$(mktemp -d)
cgroup=""
cleanup() {
  umount -R "$work/rootfs" 2>/dev/null || true
  [ -n "$cgroup" ] && rmdir "$cgroup" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# unpack: the layers in manifest order, whiteouts honoured; what to run into run.json
python3 - "$tarball" "$work" "$@" <<'EOF'
import json, os, shutil, sys, tarfile
tarball, work, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
image, rootfs = os.path.join(work, "image"), os.path.join(work, "rootfs")
with tarfile.open(tarball) as t:
    t.extractall(image)
manifest = json.load(open(os.path.join(image, "manifest.json")))[0]
config = json.load(open(os.path.join(image, manifest["Config"])))["config"]
os.makedirs(rootfs)
for layer in manifest["Layers"]:
    with tarfile.open(os.path.join(image, layer)) as t:
        for m in t.getmembers():
            base = os.path.basename(m.name)
            if base.startswith(".wh."):
                victim = os.path.join(rootfs, os.path.dirname(m.name), base[4:])
                if os.path.isdir(victim) and not os.path.islink(victim):
                    shutil.rmtree(victim)
                elif os.path.lexists(victim):
                    os.remove(victim)
                continue
            t.extract(m, rootfs, set_attrs=True)
# what a runtime provides: mount points and the files it binds over
for d in ("proc", "dev", "tmp", "etc", "sys/fs/cgroup"):
    os.makedirs(os.path.join(rootfs, d), exist_ok=True)
for c in os.listdir("/sys/fs/cgroup"):  # cgroup v1: the JVM wants cpu, cpuacct, cpuset and memory mounted
    if os.path.isdir(os.path.join("/sys/fs/cgroup", c)) and not os.path.islink(os.path.join("/sys/fs/cgroup", c)):
        os.makedirs(os.path.join(rootfs, "sys/fs/cgroup", c), exist_ok=True)
for f in ("etc/hosts", "etc/resolv.conf"):
    open(os.path.join(rootfs, f), "a").close()
user = config.get("User") or "0"
uid, _, gid = user.partition(":")
if not gid:  # the primary group from the image's /etc/passwd, else 0, as runc does
    gid = "0"
    try:
        for line in open(os.path.join(rootfs, "etc/passwd")):
            fields = line.strip().split(":")
            if fields[0] == uid or fields[2] == uid:
                uid, gid = fields[2], fields[3]
    except FileNotFoundError:
        pass
env = dict(e.split("=", 1) for e in config.get("Env") or [])
env.update(dict(e.split("=", 1) for e in extra))
json.dump({"argv": (config.get("Entrypoint") or []) + (config.get("Cmd") or []), "env": env,
           "uid": int(uid), "gid": int(gid), "cwd": config.get("WorkingDir") or "/"},
          open(os.path.join(work, "run.json"), "w"))
print(f"run-image.sh: {tarball}: user {uid}:{gid}, workdir {config.get('WorkingDir')},",
      f"entrypoint {config.get('Entrypoint')}")
EOF
printf '127.0.0.1\tlocalhost\n::1\tlocalhost\n127.0.1.1\timage\n' >"$work/hosts"
: >"$work/resolv.conf"

if [ -n "$memory" ]; then
  bytes=$(numfmt --from=iec "${memory%B}")
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then # cgroup v2
    cgroup=/sys/fs/cgroup$(awk -F: '$1=="0"{print $3}' /proc/self/cgroup)/run-image-$$
    mkdir "$cgroup" && echo "$bytes" >"$cgroup/memory.max"
  else
    cgroup=/sys/fs/cgroup/memory$(awk -F: '$2=="memory"{print $3}' /proc/self/cgroup)/run-image-$$
    mkdir "$cgroup" && echo "$bytes" >"$cgroup/memory.limit_in_bytes"
  fi
  echo "run-image.sh: memory limit $memory ($cgroup)"
fi

export work cgroup seconds probe
unshare --mount --pid --fork --net --uts bash -c '
  set -euo pipefail
  r=$work/rootfs
  hostname image
  ip link set lo up
  mount --bind "$r" "$r" && mount -o remount,bind,ro "$r"
  mount -t proc proc "$r/proc"
  mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$r/tmp"
  mount -t tmpfs -o mode=755,nosuid tmpfs "$r/dev"
  for d in null zero full random urandom; do touch "$r/dev/$d"; mount --bind "/dev/$d" "$r/dev/$d"; done
  mount --bind -o ro "$work/hosts" "$r/etc/hosts"
  mount --bind -o ro "$work/resolv.conf" "$r/etc/resolv.conf"
  if [ -n "$cgroup" ]; then
    echo $$ >"$cgroup/cgroup.procs"
    if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
      mount -t cgroup2 -o ro cgroup2 "$r/sys/fs/cgroup"
    else
      for c in /sys/fs/cgroup/*; do
        case "$c" in */memory) ;; *) if mountpoint -q "$c"; then mount --bind -o ro "$c" "$r$c"; fi ;; esac
      done
      mount --bind -o ro "$cgroup" "$r/sys/fs/cgroup/memory"
    fi
  fi
  python3 -c "
import json, os
run = json.load(open(os.environ[\"work\"] + \"/run.json\"))
os.chroot(os.environ[\"work\"] + \"/rootfs\"); os.chdir(run[\"cwd\"])
os.setgroups([]); os.setgid(run[\"gid\"]); os.setuid(run[\"uid\"])
os.execvpe(run[\"argv\"][0], run[\"argv\"], run[\"env\"])
" &
  app=$!
  for _ in $(seq "$seconds"); do
    kill -0 $app 2>/dev/null || break
    if [ -n "$probe" ] && answer=$(curl -sf --max-time 2 "http://127.0.0.1:$probe"); then
      echo "run-image.sh: GET :$probe -> $answer"
      break
    fi
    sleep 1
  done
  if kill -0 $app 2>/dev/null; then kill $app; wait $app || true; echo "run-image.sh: stopped"
  else wait $app && rc=0 || rc=$?; echo "run-image.sh: the entrypoint ended with exit code $rc"; fi
  echo "run-image.sh: what it wrote (the root file system is read-only, so /tmp only):"
  (cd "$r/tmp" && find . -mindepth 1 -maxdepth 2 | sort | sed "s|^\./|  /tmp/|")
'
