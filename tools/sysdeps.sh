#!/bin/sh
# Installs the Debian packages legtimer needs, when they are missing and we can (root + apt-get);
# otherwise says exactly what to install. Usage: tools/sysdeps.sh run|test
set -u
want="$1"
PY="${PY:-python3}"
missing=""

need() { missing="$missing $1"; }

# A venv with pip: Debian's python3 splits these out.
"$PY" -c 'import venv, ensurepip' 2>/dev/null || need "python3-venv"
# simpleaudio builds against ALSA with a C compiler and the Python headers.
command -v cc >/dev/null 2>&1 || need "gcc"
[ -f /usr/include/alsa/asoundlib.h ] || need "libasound2-dev"
inc=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["include"])' 2>/dev/null)
[ -n "$inc" ] && [ -f "$inc/Python.h" ] || need "python3-dev"
if [ "$want" = "test" ]; then
  # The real-terminal tests drive the app through tmux.
  command -v tmux >/dev/null 2>&1 || need "tmux"
  # Keep-awake is tested against a private session bus.
  command -v dbus-daemon >/dev/null 2>&1 || need "dbus"
  # `legtimer doctor` really speaks; its test needs a speech engine.
  command -v espeak-ng >/dev/null 2>&1 || need "espeak-ng"
  # The phone remote's page is tested in a real (headless) browser, and its QR code read back.
  command -v chromium >/dev/null 2>&1 || need "chromium"
  command -v zbarimg >/dev/null 2>&1 || need "zbar-tools"
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || true
  # shellcheck disable=SC2086
  if apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1; then
    exit 0
  fi
  echo "apt-get could not install:$missing" >&2
fi
echo "legtimer needs these system packages:$missing" >&2
echo "install them with:  sudo apt-get install$missing" >&2
case "$missing" in
  *python3-venv*) exit 1 ;;
esac
# Without the audio build deps legtimer still runs (system player or terminal bell).
[ "$want" = "test" ] && exit 1
exit 0
