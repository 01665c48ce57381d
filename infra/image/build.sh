#!/usr/bin/env bash
# Builds the service's OCI image with Jib, without a Docker daemon, and checks it: target/jib-image.tar.
#
# Offline (CI, a developer's machine) the base is `scratch`: this script first lays into target/image-runtime
#   /opt/java/openjdk   a Java runtime jlink'd from this machine's JDK 17 (the modules the service needs),
#   /lib, /usr/lib ...  Debian's libc6, libgcc-s1, libstdc++6 and zlib1g (apt-get download + dpkg-deb -x),
#   /etc/passwd, /etc/group (the non-root user 10001 "portal"), /etc/nsswitch.conf, /tmp,
# which Jib adds as one layer under the application's layers. Then
#   ./mvnw -Pimage -DskipTests package jib:buildTar
# and checks the tarball: manifest and config parse, entrypoint, non-root user, port 8080, layers; then it unpacks
# the layers into a root file system and, as root with chroot, runs the image's own java -version and starts the
# service from the image (entrypoint as configured, user 10001, embedded in-memory store) until /actuator/health
# answers 200.
#
# Production: IMAGE_BASE=<registry>/eclipse-temurin:17-jre (better pinned by digest) builds on the bank's JRE base
# instead; no runtime or libc is added and the chroot checks are skipped (the base's files are not in the tarball
# unless Jib could pull it). Pushing is jib:build with -Dimage.name=... (see pom.xml, profile `image`).
#
# Usage: infra/image/build.sh [--skip-maven] [--no-run]
#   --skip-maven   only check an existing target/jib-image.tar (and prepare nothing)
#   --no-run       do not chroot (e.g. not root)
# Environment (all optional):
#   IMAGE_BASE         Jib's from.image (default scratch)
#   IMAGE_MAVEN_ARGS   extra Maven arguments, e.g. "-o -Dfrontend.skip=true" for a quick rebuild
#   IMAGE_SMOKE_PORT   port of the chroot'ed service (default 18080)
#   IMAGE_SMOKE_TIMEOUT  seconds to wait for its health (default 180)
#   JAVA_HOME          the JDK whose jlink and jmods make the runtime (default: the javac on PATH)
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"
cd "$repo_root"

SKIP_MAVEN=0; RUN=1
for arg in "$@"; do
  case "$arg" in
    --skip-maven) SKIP_MAVEN=1 ;;
    --no-run) RUN=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

IMAGE_BASE="${IMAGE_BASE:-scratch}"
IMAGE_SMOKE_PORT="${IMAGE_SMOKE_PORT:-18080}"
IMAGE_SMOKE_TIMEOUT="${IMAGE_SMOKE_TIMEOUT:-180}"
BUILD_DIR="target"
RUNTIME_DIR="$BUILD_DIR/image-runtime"
TARBALL="$BUILD_DIR/jib-image.tar"
IMAGE_USER="10001"
# What the service needs of the JDK (jdeps cannot resolve a Boot jar's split packages; the chroot start proves it):
# java.desktop for java.beans (Spring), java.sql for the embedded store's H2 backend, java.security.sasl for MongoDB
# SCRAM, jdk.naming.dns for mongodb+srv, jdk.crypto.ec for TLS and ES256 tokens, jdk.unsupported for Netty/Caffeine.
MODULES="java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,\
java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,\
jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,\
jdk.unsupported,jdk.zipfs"
# Debian packages whose shared libraries the JDK's binaries link (ldd: libc, libm, libgcc_s, libstdc++, libz).
LIB_PACKAGES=(libc6 libgcc-s1 libstdc++6 zlib1g)

say() { printf '[image] %s\n' "$*"; }
die() { printf '[image] ERROR: %s\n' "$*" >&2; exit 1; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

prepare_runtime() {
  rm -rf "$RUNTIME_DIR"
  mkdir -p "$RUNTIME_DIR"
  if [[ "$IMAGE_BASE" != scratch ]]; then
    say "base $IMAGE_BASE: it brings its own Java and libc; nothing added"
    return 0
  fi
  local jdk="${JAVA_HOME:-}"
  if [[ -z "$jdk" || ! -x "$jdk/bin/jlink" ]]; then
    command -v javac >/dev/null 2>&1 || die "no JDK: set JAVA_HOME to a JDK 17 (jlink and jmods needed)"
    jdk="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
  fi
  [[ -d "$jdk/jmods" ]] || die "$jdk has no jmods/ (Debian: apt-get install openjdk-17-jdk-headless)"
  "$jdk/bin/java" -version 2>&1 | grep -q 'version "17' || die "$jdk is not a JDK 17"

  say "jlink: $jdk -> /opt/java/openjdk"
  mkdir -p "$RUNTIME_DIR/opt/java"
  "$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$MODULES" \
    --output "$RUNTIME_DIR/opt/java/openjdk" \
    --strip-debug --no-header-files --no-man-pages --compress=2 --include-locales=en,zh

  say "libc: apt-get download ${LIB_PACKAGES[*]} (the versions this machine's apt lists name)"
  local debs; debs="$(mktemp -d)"
  if ! (cd "$debs" && apt-get download "${LIB_PACKAGES[@]}" >/dev/null 2>&1); then
    say "apt-get download failed; apt-get update and once more"
    as_root apt-get update -qq
    (cd "$debs" && apt-get download "${LIB_PACKAGES[@]}" >/dev/null) || die "apt-get download ${LIB_PACKAGES[*]} failed"
  fi
  local deb
  for deb in "$debs"/*.deb; do
    say "  $(basename "$deb")"
    dpkg-deb -x "$deb" "$RUNTIME_DIR"
  done
  rm -rf "$debs"
  # Documentation, lintian overrides, gconv charsets (Java brings its own) and libc's helper binaries are not needed.
  rm -rf "$RUNTIME_DIR"/usr/share "$RUNTIME_DIR"/usr/lib/x86_64-linux-gnu/gconv "$RUNTIME_DIR"/usr/bin \
         "$RUNTIME_DIR"/usr/sbin "$RUNTIME_DIR"/sbin "$RUNTIME_DIR"/etc/ld.so.conf.d 2>/dev/null || true
  # Debian packages of bookworm ship /lib and /usr/lib side by side (no merged /usr): keep both as they come.
  [[ -e "$RUNTIME_DIR/lib64/ld-linux-x86-64.so.2" ]] || die "libc6 brought no /lib64/ld-linux-x86-64.so.2"

  mkdir -p "$RUNTIME_DIR/etc" "$RUNTIME_DIR/tmp"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nportal:x:%s:%s:portal:/tmp:/sbin/nologin\n' "$IMAGE_USER" "$IMAGE_USER" \
    > "$RUNTIME_DIR/etc/passwd"
  printf 'root:x:0:\nportal:x:%s:\n' "$IMAGE_USER" > "$RUNTIME_DIR/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$RUNTIME_DIR/etc/nsswitch.conf"
  say "runtime: $(du -sh "$RUNTIME_DIR" | cut -f1)"
}

build_image() {
  say "./mvnw -Pimage -DskipTests package jib:buildTar -Dimage.base=$IMAGE_BASE ${IMAGE_MAVEN_ARGS:-}"
  # shellcheck disable=SC2086  # IMAGE_MAVEN_ARGS is a list of arguments
  ./mvnw -Pimage -DskipTests ${IMAGE_MAVEN_ARGS:-} -Dimage.base="$IMAGE_BASE" package jib:buildTar </dev/null
  [[ -f "$TARBALL" ]] || die "Jib wrote no $TARBALL"
}

started=$SECONDS
if [[ "$SKIP_MAVEN" == 0 ]]; then
  prepare_runtime
  build_image
fi
say "built in $((SECONDS - started)) s: $TARBALL ($(du -h "$TARBALL" | cut -f1))"

# ---------------------------------------------------------------------------------------------
# The tarball: its manifest and config, and (scratch) the layers unpacked into a root file system.
rootfs="$BUILD_DIR/image-rootfs"
# A run that was killed may have left its mounts (see below): undo them before the root file system is emptied.
while read -r _ mnt _; do
  case "$mnt" in "$(pwd -P)/$rootfs"/*) umount -l "$mnt" 2>/dev/null || true ;; esac
done < <(sort -r -k2 /proc/mounts)
if [[ "$IMAGE_BASE" == scratch ]]; then extract="$rootfs"; else extract=""; fi
python3 "$script_dir/check_tarball.py" "$TARBALL" --user "$IMAGE_USER" --port 8080 \
  --main-class com.corpbank.portal.PortalApplication ${extract:+--extract "$extract" --java /opt/java/openjdk/bin/java}

if [[ "$IMAGE_BASE" != scratch || "$RUN" == 0 ]]; then
  say "no chroot run (base $IMAGE_BASE, --no-run=$((1 - RUN)))"
  say "image OK"
  exit 0
fi
[[ $(id -u) -eq 0 ]] || die "the chroot run needs root (or pass --no-run)"

# ---------------------------------------------------------------------------------------------
# Run the image's own files as a container runtime would: /proc, /dev and /etc/hosts from the host, the image's
# user, environment and entrypoint (read from the config by check_tarball.py).
mounted=()
svc_pid=""
cleanup() {
  set +e
  if [[ -n "$svc_pid" ]] && kill -0 "$svc_pid" 2>/dev/null; then
    kill -TERM "$svc_pid"; for _ in $(seq 1 100); do kill -0 "$svc_pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$svc_pid" 2>/dev/null && kill -KILL "$svc_pid"
    wait "$svc_pid" 2>/dev/null
  fi
  for (( i=${#mounted[@]}-1; i>=0; i-- )); do umount "${mounted[$i]}" 2>/dev/null || umount -l "${mounted[$i]}"; done
}
trap cleanup EXIT
mkdir -p "$rootfs/proc" "$rootfs/dev"
mount -t proc proc "$rootfs/proc" && mounted+=("$rootfs/proc")
# A fresh tmpfs with the device nodes a runtime gives a container (never a bind of the host's /dev: a leftover
# bind mount under target/ would let `rm -rf target` delete the host's device nodes).
mount -t tmpfs -o mode=755,size=1m,nosuid devtmp "$rootfs/dev" && mounted+=("$rootfs/dev")
mknod -m 666 "$rootfs/dev/null" c 1 3; mknod -m 666 "$rootfs/dev/zero" c 1 5
mknod -m 666 "$rootfs/dev/random" c 1 8; mknod -m 666 "$rootfs/dev/urandom" c 1 9
mkdir -m 1777 "$rootfs/dev/shm"
cp /etc/hosts "$rootfs/etc/hosts"
[[ -f /etc/resolv.conf ]] && cp -L /etc/resolv.conf "$rootfs/etc/resolv.conf"

mapfile -t image_env < "$rootfs.env"
mapfile -t entrypoint < "$rootfs.entrypoint"
say "chroot: java -version as uid $IMAGE_USER"
env -i "${image_env[@]}" chroot --userspec="$IMAGE_USER:$IMAGE_USER" "$rootfs" /opt/java/openjdk/bin/java -version

say "chroot: the entrypoint (${entrypoint[*]:0:3} ...) on port $IMAGE_SMOKE_PORT, embedded in-memory store"
log="$BUILD_DIR/image-smoke.log"
# The image's environment plus what a deployment sets; PORTAL_DATA_DIR empty: the store stays in memory.
env -i "${image_env[@]}" PORT="$IMAGE_SMOKE_PORT" PORTAL_DATA_DIR= \
  chroot --userspec="$IMAGE_USER:$IMAGE_USER" "$rootfs" "${entrypoint[@]}" >"$log" 2>&1 </dev/null &
svc_pid=$!
ready=""
for _ in $(seq 1 "$IMAGE_SMOKE_TIMEOUT"); do
  if ! kill -0 "$svc_pid" 2>/dev/null; then tail -n 60 "$log" >&2; die "the service in the image exited during start-up"; fi
  if [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$IMAGE_SMOKE_PORT/actuator/health" || true)" == 200 ]]; then
    ready=yes; break
  fi
  sleep 1
done
[[ -n "$ready" ]] || { tail -n 60 "$log" >&2; die "the service in the image did not answer /actuator/health within $IMAGE_SMOKE_TIMEOUT s"; }
# The process serving it is the image's java, running as the image's user, not root (chroot execs it: same pid).
java_uid="$(awk '/^Uid:/ {print $2}' "/proc/$svc_pid/status")"
java_exe="$(readlink "/proc/$svc_pid/exe")"
[[ "$java_uid" == "$IMAGE_USER" ]] || die "the service runs as uid $java_uid, expected $IMAGE_USER"
[[ "$java_exe" == "$(cd "$rootfs" && pwd -P)/opt/java/openjdk/bin/java" ]] || die "the service runs $java_exe, not the image's java"
# The API itself answers: a GraphQL request without a token is refused with 401.
gql_status="$(curl -s -o /dev/null -m 10 -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"query":"{ __typename }"}' "http://127.0.0.1:$IMAGE_SMOKE_PORT/graphql" || true)"
[[ "$gql_status" == 401 ]] || die "POST /graphql without a token answered $gql_status, expected 401"
say "the service in the image answered /actuator/health 200 and /graphql 401 (no token) as uid $java_uid, java $java_exe ($(grep -m1 -o 'Started PortalApplication in [0-9.]* seconds' "$log" || echo started))"
say "image OK in $((SECONDS - started)) s"
