#!/usr/bin/env bash
# Installs what Perceive needs beyond the Swift toolchain: ICU's C headers and library
# (Debian's libicu-dev). Idempotent: does nothing when they are already there.
set -euo pipefail
if dpkg -s libicu-dev >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libicu-dev >/dev/null
