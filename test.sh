#!/usr/bin/env bash
# The test command (README.md): installs what the tests need when it is missing, then runs every test.
# The HTML report's browser test renders a page in Debian's chromium; it is installed with apt-get
# (as root) on a machine without it. The Orleans store's tests start a PostgreSQL server of their own
# (and stop it) with Debian's server binaries, installed the same way when they are missing.
# Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v chromium >/dev/null; then
  echo "== installing chromium (the HTML report's browser test)"
  if [[ $(id -u) -eq 0 ]]; then apt-get update && apt-get install -y chromium; else sudo apt-get update && sudo apt-get install -y chromium; fi
fi

if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  echo "== installing postgresql (the Orleans store's tests run their own server)"
  if [[ $(id -u) -eq 0 ]]; then apt-get update && apt-get install -y postgresql; else sudo apt-get update && sudo apt-get install -y postgresql; fi
fi

dotnet test Kixie.SeatPolicy.sln -c Release "$@"
