#!/usr/bin/env bash
# The consumer test: pack Kixie.SeatPolicy and Kixie.SeatPolicy.Json into artifacts/packages, drop any
# cached copy of that exact version from the NuGet global packages folder (so the fresh pack is what
# restores), then restore, build and run tests/Kixie.SeatPolicy.Consumer against the packages.
# Exits non-zero when packing, restoring, building or any of the consumer's checks fails.
# The version is the repository's (Directory.Build.props) unless KIXIE_SEATPOLICY_VERSION is set.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

version="${KIXIE_SEATPOLICY_VERSION:-$(dotnet msbuild src/Kixie.SeatPolicy/Kixie.SeatPolicy.csproj -getProperty:Version)}"
packages="$root/artifacts/packages"
mkdir -p "$packages"
echo "== consumer: packing Kixie.SeatPolicy and Kixie.SeatPolicy.Json $version into $packages"
dotnet pack src/Kixie.SeatPolicy -c Release -o "$packages" -p:Version="$version"
dotnet pack src/Kixie.SeatPolicy.Json -c Release -o "$packages" -p:Version="$version"

global="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')"
global="${global:-$HOME/.nuget/packages/}"
for id in kixie.seatpolicy kixie.seatpolicy.json; do
  if [[ -d "$global/$id/$version" ]]; then
    echo "== consumer: removing the cached $id $version from $global"
    rm -rf "${global:?}/$id/$version"
  fi
done

echo "== consumer: restore, build and run against the packages"
dotnet restore "$here/Kixie.SeatPolicy.Consumer.csproj" --force -p:KixieSeatPolicyVersion="$version"
dotnet build "$here/Kixie.SeatPolicy.Consumer.csproj" -c Release --no-restore -p:KixieSeatPolicyVersion="$version"
dotnet run --project "$here/Kixie.SeatPolicy.Consumer.csproj" -c Release --no-build -p:KixieSeatPolicyVersion="$version"
