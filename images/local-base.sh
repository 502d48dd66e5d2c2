#!/usr/bin/env bash
# The base image of `./mvnw package -Pimages -Dimages.base=local`: a Java 17 runtime made from the JDK that runs the
# build, for machines that cannot pull a base image from a registry (this project's CI, air-gapped builders).
#
#   images/local-base.sh JAVA_HOME OUTPUT_DIR [IMAGE_NAME]
#
# writes OUTPUT_DIR/local-base.tar, an image tarball in `docker save` format that Jib reads as `tar://...`. Its one
# layer holds, and nothing else (no shell, no package manager):
#   /opt/java/openjdk   a runtime jlink'ed from JAVA_HOME/jmods (java.se plus the jdk.* modules servers use)
#   the shared libraries that runtime links against, copied from this machine at the paths `ldd` resolves (glibc and
#   its loader, libstdc++, libz, freetype, ...): the runtime was built against this machine's glibc, so it must run
#   on exactly these copies, whatever the cluster's nodes run
#   /etc/passwd, /etc/group (uid 185 "loyalty"), /etc/nsswitch.conf, and /tmp (mode 1777)
# Needs Linux with glibc, `ldd`, GNU tar and sha256sum: a runtime jlink'ed on macOS or Windows would not run in a Linux
# container. Elsewhere, build on a registry base image (the default of -Pimages).
set -euo pipefail
umask 022 # the image's files must be readable by uid 185, whatever the umask of the build

java_home=${1:?usage: local-base.sh JAVA_HOME OUTPUT_DIR [IMAGE_NAME]}
out=${2:?usage: local-base.sh JAVA_HOME OUTPUT_DIR [IMAGE_NAME]}
name=${3:-loyalty/jre-base:17-local}

fail() { echo "images/local-base.sh: $*" >&2; exit 1; }
[ "$(uname -s)" = Linux ] ||
  fail "the local base image is made of this machine's JDK and C library, so only on Linux; use a registry base image"
command -v ldd >/dev/null || fail "ldd not found: the local base image needs a glibc-based Linux"
[ -x "$java_home/bin/jlink" ] || fail "no jlink in $java_home: run the build with a JDK"
[ -d "$java_home/jmods" ] ||
  fail "no $java_home/jmods: install the JDK's jmods (Debian: openjdk-17-jdk-headless, Fedora: java-17-openjdk-jmods)"

case "$(uname -m)" in
  x86_64) arch=amd64 ;;
  aarch64) arch=arm64 ;;
  *) fail "unsupported machine $(uname -m)" ;;
esac

work="$out/local-base"
rootfs="$work/rootfs"
rm -rf "$work"
mkdir -p "$rootfs"

# java.se: every java.* module (JDBC, JNDI, JMX, XML, AWT images for the QR codes, ...); jdk.unsupported: Netty's and
# Kafka's Unsafe; jdk.crypto.ec: TLS with EC keys (Keycloak, Kafka); jdk.zipfs, jdk.naming.dns, jdk.charsets,
# jdk.localedata (Japanese surveys); jdk.management and jdk.jfr: JVM metrics and flight recordings; jdk.jcmd: thread
# and heap dumps with `kubectl exec ... jcmd 1 Thread.print`.
modules=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.naming.dns,jdk.charsets,jdk.localedata
modules=$modules,jdk.net,jdk.management,jdk.management.agent,jdk.jfr,jdk.security.auth,jdk.security.jgss,jdk.jcmd
runtime="$rootfs/opt/java/openjdk"
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" --include-locales=en,ja \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$runtime"
# a server has no display and no sound card: drop the AWT toolkit for X11, the splash screen and sound, and with them
# their X11 and ALSA libraries (headless AWT, which draws the card's QR code, stays)
rm -f "$runtime"/lib/libawt_xawt.so "$runtime"/lib/libjawt.so "$runtime"/lib/libsplashscreen.so \
  "$runtime"/lib/libjsound.so

# Every library the runtime's executables and libraries link against, with what those link against (ldd resolves the
# whole closure). libjvm.so is the runtime's own, loaded by the launcher: ldd cannot see it from the other libraries.
libs=$(
  find "$runtime" -type f \( -path "$runtime/bin/*" -o -name '*.so' \) | while read -r elf; do
    ldd "$elf" | while read -r line; do
      case "$line" in
        *"libjvm.so => not found"*) ;;
        *"not found"*) echo "MISSING $line ($elf)" ;;
        *" => /"*) line=${line#* => }; echo "${line%% (*}" ;;
        /*) echo "${line%% (*}" ;; # the dynamic loader, at the path written into every executable
      esac
    done
  done | sort -u
)
if grep -q '^MISSING' <<<"$libs"; then
  fail "libraries not found on this machine: $(grep '^MISSING' <<<"$libs" | tr '\n' ' ')"
fi
while read -r lib; do
  case "$lib" in "$rootfs"/*) continue ;; esac
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done <<<"$libs"
# glibc dlopens libgcc_s to unwind a cancelled thread: copy it even when nothing links it
gcc_s=$(dirname "$(grep '/libc\.so\.6$' <<<"$libs")")/libgcc_s.so.1
if [ -f "$gcc_s" ] && ! grep -qx "$gcc_s" <<<"$libs"; then
  cp -L "$gcc_s" "$rootfs$gcc_s"
  libs=$libs$'\n'$gcc_s
fi
# the licences of the copied libraries, where the machine keeps them (Debian and Ubuntu do, one file per package)
if command -v dpkg >/dev/null; then
  while read -r lib; do
    case "$lib" in "$rootfs"/*) continue ;; esac
    pkg=$({ dpkg -S "$lib" || dpkg -S "$(readlink -f "$lib")"; } 2>/dev/null | head -1 | cut -d: -f1) || true
    if [ -n "$pkg" ] && [ -f "/usr/share/doc/$pkg/copyright" ]; then
      mkdir -p "$rootfs/usr/share/doc/$pkg"
      cp "/usr/share/doc/$pkg/copyright" "$rootfs/usr/share/doc/$pkg/"
    fi
  done <<<"$libs"
fi

# C.UTF-8, so that the JVM's default charset is UTF-8 (LANG=C.UTF-8 below): glibc reads it from /usr/lib/locale
if [ -d /usr/lib/locale/C.utf8 ]; then
  mkdir -p "$rootfs/usr/lib/locale"
  cp -r /usr/lib/locale/C.utf8 "$rootfs/usr/lib/locale/"
else
  echo "images/local-base.sh: no /usr/lib/locale/C.utf8 on this machine: the JVM's default charset will be ASCII" >&2
fi

# the user the services run as (uid 185, as in Red Hat's OpenJDK images); its home is /tmp, the one place a read-only
# root file system leaves writable. nsswitch: /etc/hosts (Kubernetes writes the pod's own name there) before DNS.
mkdir -p "$rootfs/etc" "$rootfs/tmp"
chmod 1777 "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nloyalty:x:185:185:loyalty:/tmp:/sbin/nologin\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\nloyalty:x:185:\n' >"$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"

# One layer, byte for byte the same for the same inputs (sorted, owned by root, time 0): the same JDK gives the same
# base image, so Jib's cache and a registry keep one copy for all five services.
(cd "$rootfs" && find . -mindepth 1 | sed 's|^\./||' | LC_ALL=C sort |
  tar --no-recursion --owner=0 --group=0 --numeric-owner --mtime=@0 --format=gnu -cf "$work/layer.tar" -T -)
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
java_version=$("$runtime/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p')
cat >"$work/config.json" <<EOF
{"architecture":"$arch","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"],
  "User":"185","WorkingDir":"/tmp",
  "Labels":{"org.opencontainers.image.title":"loyalty local JRE base",
            "org.opencontainers.image.version":"$java_version"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z",
             "created_by":"images/local-base.sh: jlink $modules from $java_home ($java_version), with its libraries"}]}
EOF
printf '[{"Config":"config.json","RepoTags":["%s"],"Layers":["layer.tar"]}]\n' "$name" >"$work/manifest.json"
tar --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$work" -cf "$out/local-base.tar" \
  manifest.json config.json layer.tar
echo "images/local-base.sh: $out/local-base.tar ($name, Java $java_version, $(du -sh "$rootfs" | cut -f1) unpacked)"
