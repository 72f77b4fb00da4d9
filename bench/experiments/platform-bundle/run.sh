#!/bin/sh
# Re-run the whole measurement: collect imported names, build the platform variants, print tables.
set -e
cd "$(dirname "$0")"
node collect.mjs
node build.mjs
node tables.mjs | tee out/tables.txt
