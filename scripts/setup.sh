#!/usr/bin/env bash
# Idempotent set-up: browser, virtualenv, Python packages, axe-core, database with demo data.
# Every step is skipped when its result is already there; run it as often as you like.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
STAMP=$VENV/.requirements.sha256

# 1. Debian chromium for the browser tests and the PDF report (Playwright's own download does
#    not work here), and poppler-utils (pdftotext) to read the PDF back in the tests.
ontbreekt=()
command -v chromium >/dev/null 2>&1 || ontbreekt+=(chromium)
command -v pdftotext >/dev/null 2>&1 || ontbreekt+=(poppler-utils)
if ((${#ontbreekt[@]})); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing ${ontbreekt[*]}"
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${ontbreekt[@]}"
    else
        echo "setup: warning: ${ontbreekt[*]} missing and not root; browser/PDF tests will fail" >&2
    fi
fi

# 2. Virtualenv and pinned packages (re-installed only when requirements.txt changed).
if [[ ! -x $VENV/bin/python ]]; then
    echo "setup: creating $VENV"
    python3 -m venv "$VENV"
fi
want=$(sha256sum requirements.txt | cut -d' ' -f1)
if [[ ! -f $STAMP || $(cat "$STAMP") != "$want" ]]; then
    echo "setup: installing requirements.txt"
    "$VENV/bin/pip" install -q --disable-pip-version-check -r requirements.txt
    echo "$want" >"$STAMP"
fi

# 3. axe-core for the accessibility checks (pinned in package.json / package-lock.json).
if [[ ! -f node_modules/axe-core/axe.min.js ]]; then
    echo "setup: installing axe-core"
    if [[ -f package-lock.json ]]; then
        npm ci --no-audit --no-fund --loglevel=error
    else
        npm install --no-audit --no-fund --loglevel=error
    fi
fi

# 4. Database (DATABASE_URL, default data/monitor.db): schema, questionnaire, reference data;
#    demo rounds only when it holds no answers yet (the CLI checks that itself).
"$VENV/bin/python" -m monitor init
"$VENV/bin/python" -m monitor demo
