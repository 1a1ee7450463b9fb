#!/usr/bin/env bash
# Installs the Debian packages the tests need when any is missing: Java (the local Neo4j), Node.js and npm (the Cypher
# linter, Spectral, the TypeScript client, the explorer's library), Chromium (the browser tests), and Python with
# Jupyter (the notebook test). As root it runs apt-get; with sudo, sudo apt-get; otherwise it prints, in one line,
# the command to run, and fails. Nothing is installed when everything is there.
set -euo pipefail

packages=()
command -v java >/dev/null 2>&1 || packages+=(openjdk-17-jre-headless)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
# The browser tests run Swagger UI and the explorer in Debian's Chromium, at this path.
[[ -x /usr/bin/chromium ]] || packages+=(chromium)
# The notebook test runs notebooks/explore.ipynb with Debian's Python, kernel and nbconvert.
for package in python3-pandas python3-networkx python3-matplotlib python3-ipykernel jupyter-nbconvert; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || packages+=("$package")
done

if [[ ${#packages[@]} -eq 0 ]]; then
  exit 0
fi
if [[ "$(id -u)" == "0" ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  echo "install-test-packages: missing ${packages[*]}; run: sudo apt-get install -y --no-install-recommends ${packages[*]}" >&2
  exit 1
fi
echo "install-test-packages: installing ${packages[*]} (up to about 200 MB, once)" >&2
"${as_root[@]}" apt-get update >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates "${packages[@]}" >&2
