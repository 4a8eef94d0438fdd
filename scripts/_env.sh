# Shared set-up for scripts/*: a project .venv with Python 3.11, installed only when missing or stale.
# Sourced, not run. Usage: bantin_env [extras]   (extras: "test" adds the test tools)
# The engine is MkDocs 1.6 in .venv; BANTIN_ENGINE=properdocs uses ProperDocs 1.6 in .venv-properdocs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BANTIN_ENGINE="${BANTIN_ENGINE:-mkdocs}"
case "$BANTIN_ENGINE" in
  mkdocs) VENV="$ROOT/.venv" ;;
  properdocs) VENV="$ROOT/.venv-properdocs" ;;
  *) echo "BANTIN_ENGINE=$BANTIN_ENGINE: chỉ nhận mkdocs hoặc properdocs." >&2; exit 1 ;;
esac
# Material's own end-of-life notice (English, under `mkdocs` only) is replaced by ours, printed
# once by every build and serve (bantin/engine/lifetime.py): 5 May 2027, and our plan.
export NO_MKDOCS_2_WARNING=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

bantin_python() {
  for candidate in python3.11 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  echo "Cần Python 3.11 trở lên (python3.11)." >&2
  exit 1
}

bantin_env() {
  local extras="${1:-}"
  if [ ! -x "$VENV/bin/python" ]; then
    echo "==> Tạo môi trường .venv"
    "$(bantin_python)" -m venv "$VENV"
  fi
  local spec="$ROOT[$BANTIN_ENGINE${extras:+,$extras}]"
  local stamp="$VENV/.bantin-installed-${extras:-base}"
  local wanted
  wanted="$(cat "$ROOT/pyproject.toml" "$ROOT/setup.py" | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    echo "==> Cài đặt phụ thuộc ($spec)"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip >/dev/null
    "$VENV/bin/python" -m pip install --quiet -e "$spec"
    if [ "$BANTIN_ENGINE" = properdocs ]; then
      # Material requires mkdocs; without it, nothing can run MkDocs' code by mistake.
      "$VENV/bin/python" -m pip uninstall --quiet --yes mkdocs
    fi
    echo "$wanted" >"$stamp"
  fi
}

# Run a command as root (apt-get), with sudo when we are not root.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Install Debian packages that are missing; $1.. are "command:package" pairs.
bantin_apt() {
  local missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "==> Cài gói Debian: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
