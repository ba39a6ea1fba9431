#!/bin/sh
# Install the Linux bundle beside this script for the current user (or, run as root, for
# everyone): the app folder, the minutes-app command, the menu entry with its icon, and
# the AppStream data software centres read.
#
#   ./install.sh [PREFIX]            PREFIX: ~/.local, or /usr/local as root
#   ./install.sh --remove [PREFIX]
set -eu
ID=vn.bienbanhoinghi.MinutesApp
bundle=$(cd "$(dirname "$0")" && pwd)
remove=""
if [ "${1:-}" = "--remove" ]; then remove=1; shift; fi
if [ "$(id -u)" = 0 ]; then prefix=${1:-/usr/local}; else prefix=${1:-$HOME/.local}; fi
share=$prefix/share
if [ -z "$remove" ] && [ "$bundle" = "$(cd "$prefix/lib/minutes-app" 2>/dev/null && pwd)" ]; then
    echo "Ứng dụng đã được cài ở đây; hãy chạy install.sh của bản mới giải nén." >&2
    exit 1
fi
sizes="16 24 32 48 64 128 256 512"

rm -rf "$prefix/lib/minutes-app" "$prefix/bin/minutes-app" "$share/applications/$ID.desktop" \
    "$share/metainfo/$ID.metainfo.xml" "$share/icons/hicolor/scalable/apps/$ID.svg"
for size in $sizes; do rm -f "$share/icons/hicolor/${size}x${size}/apps/$ID.png"; done
if [ -z "$remove" ]; then
    mkdir -p "$prefix/lib" "$prefix/bin" "$share/applications" "$share/metainfo" \
        "$share/icons/hicolor/scalable/apps"
    cp -R "$bundle" "$prefix/lib/minutes-app"
    ln -s "$prefix/lib/minutes-app/minutes-app" "$prefix/bin/minutes-app"
    # The menu starts the command by its full path: ~/.local/bin is not always on PATH.
    sed "s|^Exec=minutes-app|Exec=$prefix/bin/minutes-app|" "$bundle/$ID.desktop" > "$share/applications/$ID.desktop"
    cp "$bundle/$ID.metainfo.xml" "$share/metainfo/"
    icons=$bundle/_internal/minutes_app/resources/icons
    cp "$icons/minutes-app.svg" "$share/icons/hicolor/scalable/apps/$ID.svg"
    for size in $sizes; do
        mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
        cp "$icons/minutes-app-$size.png" "$share/icons/hicolor/${size}x${size}/apps/$ID.png"
    done
fi
# Menus and icon caches notice the change at once where these tools exist.
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
if [ -z "$remove" ]; then echo "Đã cài vào $prefix"; else echo "Đã gỡ khỏi $prefix"; fi
