#!/usr/bin/env bash
# CI: the .deb installs and the daemon starts. Builds the package with cpack from a build
# directory, installs it with apt-get (runtime dependencies come with it), checks the files,
# runs postroomd the way postroomd.service does (user postroom, /var/lib/postroom, the
# default config.json with its ports moved to free loopback ports), checks `status` and a
# `diagnose` run, stops it, purges the package and checks that it is gone.
#
#   CI=true .ci/package.sh BUILD_DIR       (as root, on a disposable Debian 12 system)
#
# It changes the system, so it refuses to run unless it is root AND CI=true. Everything it
# adds (package, dependencies it pulled in, the postroom user, /var/lib/postroom) is removed
# again, also on failure (trap), so running it twice in a row gives the same result.
# Environment: JOBS (default 2) for building what is not built yet.
set -euo pipefail

PKG=postroom
STATE_DIR=/var/lib/postroom
CONFIG="$STATE_DIR/config.json"
UNIT=/usr/lib/systemd/system/postroomd.service
MARKER=/var/tmp/postroom-package-ci.installed   # "we installed it" (survives a SIGKILLed run)
START_TIMEOUT_S=30
STOP_TIMEOUT_S=20                                  # TimeoutStopSec in the unit
DIAGNOSE_TIMEOUT_S=180

log() { echo "==> [$(( $(date +%s) - ${started:-$(date +%s)} )) s] $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ "$(id -u)" -ne 0 ] || [ "${CI:-}" != "true" ]; then
    echo "refusing to run: this installs and purges a system package; run it as root with CI=true" >&2
    exit 2
fi
[ $# -eq 1 ] || { echo "usage: CI=true $0 BUILD_DIR" >&2; exit 2; }
BUILD_DIR="$(cd "$1" && pwd)"
[ -f "$BUILD_DIR/CPackConfig.cmake" ] || fail "$BUILD_DIR is not a configured build directory (no CPackConfig.cmake)"

started=$(date +%s)
WORK="$(mktemp -d /tmp/postroom-package-XXXXXX)"
chmod 0755 "$WORK"   # apt's _apt user reads the .deb from here
DAEMON_PID=""
HAD_USER=0; getent passwd postroom >/dev/null && HAD_USER=1
HAD_GROUP=0; getent group postroom >/dev/null && HAD_GROUP=1
HAD_STATE=0; [ -e "$STATE_DIR" ] && HAD_STATE=1
installed_packages() { dpkg-query -W -f='${db:Status-Abbrev} ${binary:Package}\n' | awk '$1 ~ /^.i/ {print $2}' | sort; }
installed_packages >"$WORK/packages-before"

installed() { dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q "install ok installed"; }
# Runs a command the way systemd runs the unit's ExecStart: as postroom with its groups, in
# the state directory, umask 0077, a clean environment (setpriv execs: the pid is the command's).
postroom_exec() {
    cd "$STATE_DIR" && umask 0077
    exec env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
         HOME="$STATE_DIR" USER=postroom LOGNAME=postroom \
         setpriv --reuid=postroom --regid=postroom --init-groups -- "$@"
}
as_postroom() { (postroom_exec "$@"); }

# Puts the system back the way it was: stops our daemon, purges the package and the
# dependencies it pulled in, removes the user and the state directory if we created them.
restore() {
    if [ -n "$DAEMON_PID" ] && kill -0 "$DAEMON_PID" 2>/dev/null; then
        kill -TERM "$DAEMON_PID" 2>/dev/null || true
        for _ in $(seq 1 $((STOP_TIMEOUT_S * 10))); do kill -0 "$DAEMON_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$DAEMON_PID" 2>/dev/null || true
    fi
    DAEMON_PID=""
    if installed && [ -e "$MARKER" ]; then
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$PKG" >/dev/null || true
    fi
    if [ -s "$WORK/pulled-in" ]; then
        # shellcheck disable=SC2046
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq $(cat "$WORK/pulled-in") >/dev/null || true
    fi
    rm -f "$MARKER"
    if [ "$HAD_STATE" -eq 0 ]; then rm -rf "$STATE_DIR"; fi
    if [ "$HAD_USER" -eq 0 ] && getent passwd postroom >/dev/null; then userdel postroom || true; fi
    if [ "$HAD_GROUP" -eq 0 ] && getent group postroom >/dev/null; then groupdel postroom || true; fi
}
exec 3>&2   # the script's own stderr: a trap may run while a command's output is redirected
on_exit() {
    local rc=$?
    if [ $rc -ne 0 ]; then
        echo "--- package test failed (exit $rc); daemon log:" >&3
        tail -n 40 "$WORK/postroomd.log" 2>/dev/null >&3 || true
        restore
        echo "--- cleaned up after the failure" >&3
    fi
    rm -rf "$WORK"
    exit $rc
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# A run killed before its trap could clean up leaves the marker: finish that cleanup first.
if installed; then
    [ -e "$MARKER" ] || fail "$PKG is already installed here and not by this script; not touching it"
    log "removing the package a previous run left behind"
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$PKG" >/dev/null
    rm -f "$MARKER"
    HAD_USER=0; HAD_GROUP=0; HAD_STATE=0   # the leftovers are that run's, not the system's
fi

# cpack's preinstall step builds every target, one at a time: build them here in parallel
# first (after the CI's own build this is only make's up-to-date check).
log "building $BUILD_DIR (if needed), then the .deb"
cmake --build "$BUILD_DIR" -j "${JOBS:-2}" >"$WORK/build.log" 2>&1 \
    || { tail -n 30 "$WORK/build.log" >&2; fail "build failed"; }
rm -f "$BUILD_DIR"/"${PKG}"_*.deb
(cd "$BUILD_DIR" && cpack -G DEB >"$WORK/cpack.log" 2>&1) || { tail -n 30 "$WORK/cpack.log" >&2; fail "cpack failed"; }
debs=("$BUILD_DIR"/"${PKG}"_*.deb)
[ -f "${debs[0]}" ] || fail "cpack wrote no ${PKG}_*.deb"
cp "${debs[0]}" "$WORK/"
DEB="$WORK/$(basename "${debs[0]}")"
chmod 0644 "$DEB"
log "built $(basename "$DEB") ($(du -k "$DEB" | cut -f1) KiB)"

log "installing with apt-get"
touch "$MARKER"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$DEB" >"$WORK/apt.log" 2>&1 \
    || { tail -n 30 "$WORK/apt.log" >&2; fail "apt-get install failed"; }
installed || fail "dpkg does not list $PKG as installed"
installed_packages >"$WORK/packages-after"
comm -13 "$WORK/packages-before" "$WORK/packages-after" | grep -vx "$PKG" >"$WORK/pulled-in" || true
log "pulled in $(wc -l <"$WORK/pulled-in") dependencies"

log "checking the installed files"
for f in /usr/bin/postroomd /usr/bin/postroom-admin; do
    [ -x "$f" ] || fail "$f missing or not executable"
    if ldd "$f" | grep -q "not found"; then ldd "$f" >&2; fail "$f has unresolved libraries"; fi
done
for f in "$UNIT" /usr/share/applications/postroom-admin.desktop \
         /usr/share/icons/hicolor/scalable/apps/postroom-admin.svg \
         /usr/share/doc/postroom/README.md /usr/share/doc/postroom/admin-guide.md \
         /usr/share/doc/postroom/configuration.md /usr/share/doc/postroom/api.md; do
    [ -s "$f" ] || fail "$f missing or empty"
done
/usr/bin/postroomd --version | grep -q "^postroomd " || fail "postroomd --version"
getent passwd postroom >/dev/null || fail "the package created no postroom user"
[ "$(stat -c '%U %a' "$STATE_DIR")" = "postroom 700" ] || fail "$STATE_DIR is not owned by postroom with mode 0700"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/postroom-admin.desktop || fail "desktop file"
fi
if command -v systemd-analyze >/dev/null; then
    # Only our unit's own problems count (a container may lack some of the targets it names).
    systemd-analyze verify "$UNIT" >"$WORK/verify.log" 2>&1 || true
    if grep -i "postroomd.service" "$WORK/verify.log"; then fail "systemd-analyze verify objects to the unit"; fi
    log "systemd-analyze verify accepts the unit"
else
    log "no systemd-analyze: unit not verified"
fi

# What the unit runs, read from the unit itself so the test follows it.
exec_start=$(sed -n 's/^ExecStart=//p' "$UNIT")
workdir=$(sed -n 's/^WorkingDirectory=//p' "$UNIT")
[ "$(sed -n 's/^User=//p' "$UNIT")" = "postroom" ] || fail "the unit does not run as postroom"
[ "$workdir" = "$STATE_DIR" ] || fail "the unit's WorkingDirectory is $workdir"
[ "$exec_start" = "/usr/bin/postroomd --config $CONFIG" ] || fail "unexpected ExecStart: $exec_start"

log "writing the default config.json (postroomd init) and moving its ports to free loopback ports"
as_postroom /usr/bin/postroomd --config "$CONFIG" init >/dev/null
/usr/bin/python3 - "$CONFIG" <<'EOF'
import json, socket, sys
path = sys.argv[1]
with open(path) as f:
    config = json.load(f)
socks = [socket.socket() for _ in range(7)]
for s in socks:
    s.bind(("127.0.0.1", 0))
ports = [s.getsockname()[1] for s in socks]
for s in socks:
    s.close()
for section, keys in (("smtp", ("port", "submission_port", "smtps_port")), ("imap", ("port", "imaps_port")),
                      ("exchange_api", ("port", "secure_port"))):
    config.setdefault(section, {})["host"] = "127.0.0.1"
    for key in keys:
        config[section][key] = ports.pop()
with open(path, "w") as f:
    json.dump(config, f, indent=2)
EOF

log "starting postroomd as the unit would (user postroom, in $STATE_DIR)"
# shellcheck disable=SC2086
(postroom_exec $exec_start) >"$WORK/postroomd.log" 2>&1 &   # the subshell execs: $! is postroomd
DAEMON_PID=$!
up=0
for _ in $(seq 1 $((START_TIMEOUT_S * 5))); do
    kill -0 "$DAEMON_PID" 2>/dev/null || fail "postroomd exited at start"
    if as_postroom /usr/bin/postroomd --config "$CONFIG" status >"$WORK/status.txt" 2>&1; then up=1; break; fi
    sleep 0.2
done
[ $up -eq 1 ] || fail "postroomd status did not answer within ${START_TIMEOUT_S} s"
cat "$WORK/status.txt"
grep -q "127.0.0.1" "$WORK/status.txt" || fail "status lists no loopback listener"

log "postroomd diagnose --no-dns"
diag_rc=0
as_postroom timeout "$DIAGNOSE_TIMEOUT_S" /usr/bin/postroomd --config "$CONFIG" diagnose --no-dns \
    >"$WORK/diagnose.txt" 2>&1 || diag_rc=$?
cat "$WORK/diagnose.txt"
[ $diag_rc -eq 0 ] || fail "diagnose exited with $diag_rc"
tail -n 1 "$WORK/diagnose.txt" | grep -Eq "^[0-9]+ passed, [0-9]+ warnings, 0 failed$" || fail "diagnose summary"
grep -q "^PASS delivery" "$WORK/diagnose.txt" || fail "diagnose did not deliver its test message"

log "stopping postroomd (SIGTERM, as systemctl stop)"
kill -TERM "$DAEMON_PID"
stopped=0
for _ in $(seq 1 $((STOP_TIMEOUT_S * 10))); do
    kill -0 "$DAEMON_PID" 2>/dev/null || { stopped=1; break; }
    sleep 0.1
done
[ $stopped -eq 1 ] || fail "postroomd did not stop within ${STOP_TIMEOUT_S} s"
stop_rc=0; wait "$DAEMON_PID" || stop_rc=$?
DAEMON_PID=""
[ $stop_rc -eq 0 ] || fail "postroomd exited with $stop_rc on SIGTERM"

log "purging the package"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$PKG" >"$WORK/purge.log" 2>&1 \
    || { tail -n 20 "$WORK/purge.log" >&2; fail "apt-get purge failed"; }
installed && fail "$PKG is still installed after purge"
for f in /usr/bin/postroomd /usr/bin/postroom-admin "$UNIT" /usr/share/applications/postroom-admin.desktop \
         /usr/share/icons/hicolor/scalable/apps/postroom-admin.svg /usr/share/doc/postroom/README.md; do
    [ ! -e "$f" ] || fail "$f is still there after purge"
done
restore
if getent passwd postroom >/dev/null && [ "$HAD_USER" -eq 0 ]; then fail "the postroom user is still there"; fi
if [ -e "$STATE_DIR" ] && [ "$HAD_STATE" -eq 0 ]; then fail "$STATE_DIR is still there"; fi
installed_packages >"$WORK/packages-end"
cmp -s "$WORK/packages-before" "$WORK/packages-end" || fail "the installed package set differs from before"

log "package test passed in $(( $(date +%s) - started )) s"
