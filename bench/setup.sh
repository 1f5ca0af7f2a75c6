# Sourced by the bench scripts (from the repository root): a private copy of the peers with their packages installed,
# and a Release build of parallax. Sets $work (bench/.work) and $parallax (the command to run).
work=bench/.work
peers_src=../shared/peers
mkdir -p "$work"
if [ ! -d "$peers_src" ]; then echo "../shared/peers is missing; the side-by-side needs it." >&2; exit 1; fi
if [ ! -d "$work/peers/node_modules" ]; then
  rm -rf "$work/peers"; cp -r "$peers_src" "$work/peers"
  (cd "$work/peers" && npm ci --no-audit --no-fund >/dev/null)
fi
dotnet build src/Parallax.Cli -c Release -v q -nologo >/dev/null
parallax="dotnet src/Parallax.Cli/bin/Release/net10.0/parallax.dll"
