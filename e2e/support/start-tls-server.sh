#!/usr/bin/env bash
# The system behind mutual TLS for the client-certificate test: certificates from
# scripts/dev-certs.sh, login only with a registered client certificate.
set -euo pipefail
certs="$DATA_DIR/certs"
rm -rf "$DATA_DIR" && mkdir -p "$DATA_DIR"
bash scripts/dev-certs.sh "$certs" e2e-client > "$certs.fingerprint"
export TLS_CERT_FILE="$certs/server.crt" TLS_KEY_FILE="$certs/server.key" TLS_CLIENT_CA_FILE="$certs/ca.crt"
export CLIENT_CERT_MODE=tls CLIENT_CERT_REQUIRED=true PORT="$E2E_TLS_PORT"
export PUBLIC_ORIGIN="https://127.0.0.1:$E2E_TLS_PORT"
# Only the certificate login runs here, on data of its own: no demo data to seed (it would take
# the two cores from the main server while the suite starts).
export SEED_DEMO_DATA=false
exec node scripts/start.mjs --skip-build
