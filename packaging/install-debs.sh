#!/bin/sh
# Install the Debian packages given as arguments that are not installed yet.
# Does nothing on a machine without apt (the app itself runs without them).
set -eu
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=""
for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $pkg"
done
[ -n "$missing" ] || exit 0
echo "Installing Debian packages:$missing"
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
