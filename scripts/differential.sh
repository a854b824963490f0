#!/bin/sh
# Compares `lore-digest messages` with Python's email package over an archive range.
#   scripts/differential.sh ARCHIVE [--from REV] [--to REV] [--examples N] [--json FILE|-]
# The binary: $LORE_DIGEST, else .build/release/lore-digest, else .build-hostile/release/lore-digest.
# See scripts/differential.py for what is compared.
set -eu
exec python3 "$(dirname "$0")/differential.py" "$@"
