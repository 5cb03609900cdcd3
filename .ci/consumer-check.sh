#!/usr/bin/env bash
# Consumer check: what a newcomer gets from `dotnet add package EntityResolver`.
#  1. packs src/EntityResolver into a temporary local feed;
#  2. creates a throwaway net10.0 console project that references only that package, by version,
#     pastes the FIRST ```csharp block of README.md as its Program.cs, and builds it;
#  3. checks the package holds lib/net10.0/EntityResolver.dll, its XML docs and README.md (and
#     that a .snupkg was produced), and runs the example;
#  4. checks the output names an entity id of the embedded default registry.
# Needs no network beyond the NuGet source(s) already configured on the machine (for the
# package's own dependencies). Leaves nothing behind (set KEEP_CONSUMER_CHECK=1 to keep the temp dir).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() { echo "consumer-check: FAIL: $*" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/entity-resolver-consumer.XXXXXX")
if [[ "${KEEP_CONSUMER_CHECK:-}" != "1" ]]; then
  trap 'rm -rf "$work"' EXIT
else
  echo "consumer-check: keeping $work"
fi
feed="$work/feed"
app="$work/app"
mkdir -p "$feed" "$app"

# 1. Pack.
version=$(dotnet msbuild src/EntityResolver/EntityResolver.csproj -getProperty:PackageVersion)
[[ -n "$version" ]] || fail "could not read PackageVersion of src/EntityResolver"
echo "consumer-check: packing EntityResolver $version"
dotnet pack src/EntityResolver/EntityResolver.csproj -c Release -o "$feed" -nologo -v quiet >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log" >&2; fail "dotnet pack failed"; }
nupkg="$feed/EntityResolver.$version.nupkg"
[[ -f "$nupkg" ]] || fail "$nupkg was not produced (feed holds: $(ls "$feed"))"
[[ -f "$feed/EntityResolver.$version.snupkg" ]] || fail "no symbol package EntityResolver.$version.snupkg"

# 2. A throwaway console project over the packed package only.
# Restore into a private packages folder so that a stale EntityResolver $version from an earlier
# run can never be picked up; the machine's global folder serves the dependencies as a fallback
# (unless it holds an EntityResolver package itself).
global=$(dotnet nuget locals global-packages --list | sed -e 's/^global-packages: *//')
fallback=""
if [[ -d "$global" && ! -d "$global/entityresolver" ]]; then
  fallback="<fallbackPackageFolders><add key=\"machine\" value=\"$global\" /></fallbackPackageFolders>"
fi
# The local feed plus every source already enabled on this machine (for transitive dependencies).
sources=$(cd "$work" && dotnet nuget list source --format short | awk '$1 ~ /^E/ { print $2 }')
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <packageSources>'
  echo '    <clear />'
  echo "    <add key=\"local-entity-resolver\" value=\"$feed\" />"
  i=0
  while read -r s; do
    [[ -n "$s" ]] || continue
    i=$((i + 1))
    echo "    <add key=\"machine-$i\" value=\"$s\" />"
  done <<<"$sources"
  echo '  </packageSources>'
  echo "  $fallback"
  echo '</configuration>'
} >"$app/nuget.config"

cat >"$app/ConsumerCheck.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="EntityResolver" Version="$version" />
  </ItemGroup>
</Project>
XML
# Keep the repository's Directory.*.props and global.json out of the throwaway project.
echo '<Project />' >"$app/Directory.Build.props"
echo '<Project />' >"$app/Directory.Build.targets"
echo '<Project />' >"$app/Directory.Packages.props"

# The first ```csharp block of README.md.
awk '/^```csharp[[:space:]]*$/ { inside = 1; next } inside && /^```/ { exit } inside { print }' README.md >"$app/Program.cs"
[[ -s "$app/Program.cs" ]] || fail "README.md has no \`\`\`csharp block"

echo "consumer-check: building the first C# example of README.md against the package"
export NUGET_PACKAGES="$work/packages"
(cd "$app" && dotnet build -nologo -v quiet -o "$app/out" >"$work/build.log" 2>&1) \
  || { cat "$work/build.log" >&2; echo "--- Program.cs:" >&2; cat "$app/Program.cs" >&2; fail "the README example does not build against the package"; }
extracted="$work/packages/entityresolver/$version"
[[ -d "$extracted" ]] || fail "the app did not restore EntityResolver $version from the local feed"

# 3. Package content (as NuGet extracted it from the .nupkg; no unzip tool needed).
listing=$(cd "$extracted" && find . -type f | sed 's|^\./||' | sort)
for entry in lib/net10.0/EntityResolver.dll lib/net10.0/EntityResolver.xml README.md; do
  grep -qx "$entry" <<<"$listing" || fail "$(basename "$nupkg") lacks $entry; it holds:"$'\n'"$listing"
done
if grep -qi 'cli\|entity-resolver\.dll\|tools/' <<<"$listing"; then
  fail "$(basename "$nupkg") contains command-line tool files:"$'\n'"$listing"
fi
grep -q '<member name="T:EntityResolver.NameResolver">' "$extracted/lib/net10.0/EntityResolver.xml" \
  || fail "EntityResolver.xml does not document NameResolver"
echo "consumer-check: package holds lib/net10.0/EntityResolver.dll, EntityResolver.xml (documented), README.md"

# 4. Run it and check it resolved something to an entity of the embedded registry.
output=$(cd "$app" && dotnet out/ConsumerCheck.dll) || fail "the README example exited with an error: $output"
echo "$output" | sed 's/^/  | /'
ids=$(sed -n 's/^{"id": *"\([^"]*\)".*/\1/p' "$root/src/EntityResolver/Data/registry/default.jsonl")
found=""
while read -r id; do
  if [[ -n "$id" ]] && grep -qF -- "$id" <<<"$output"; then found="$id"; break; fi
done <<<"$ids"
[[ -n "$found" ]] || fail "the README example printed no entity id of the default registry"
echo "consumer-check: OK (README example resolved to $found)"
