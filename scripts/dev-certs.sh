#!/usr/bin/env bash
# Creates a development CA, a server certificate for localhost/127.0.0.1 and one client
# certificate, with openssl, in DIR (default .certs/). Prints the client certificate's SHA-256
# fingerprint, which is what the system registers for the user (710).
#   bash scripts/dev-certs.sh [DIR] [CLIENT_CN]
set -euo pipefail
dir=${1:-.certs}
cn=${2:-P00001-user01}
mkdir -p "$dir"
cd "$dir"
days=825
if [ ! -f ca.key ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 \
    -subj "/C=JP/O=Yoryo Development CA/CN=Yoryo Dev Root CA" 2>/dev/null
fi
if [ ! -f server.key ]; then
  openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=localhost" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt \
    -days $days -extfile server.ext 2>/dev/null
fi
openssl req -newkey rsa:2048 -nodes -keyout "client-$cn.key" -out "client-$cn.csr" \
  -subj "/C=JP/O=Yoryo Development/CN=$cn" 2>/dev/null
printf 'extendedKeyUsage=clientAuth\n' > client.ext
openssl x509 -req -in "client-$cn.csr" -CA ca.crt -CAkey ca.key -CAcreateserial \
  -out "client-$cn.crt" -days $days -extfile client.ext 2>/dev/null
rm -f ./*.csr
openssl x509 -in "client-$cn.crt" -noout -fingerprint -sha256 | sed 's/^.*=//; s/://g'
