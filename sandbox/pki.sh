# Creates the sandbox CA, serving and client certificates, SA keys and tokens (sourced by up.sh).
# shellcheck shell=bash
make_pki() {
  [ -f "$PKI/.done" ] && return 0
  mkdir -p "$PKI" && cd "$PKI" || return 1
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 \
    -subj "/CN=kt-sandbox-ca" 2>/dev/null || return 1
  # apiserver serving certificate
  cat > server.ext <<EXT
subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local
extendedKeyUsage=serverAuth
EXT
  sign server "/CN=kube-apiserver" server.ext || return 1
  # admin client certificate: group system:masters
  printf 'extendedKeyUsage=clientAuth\n' > client.ext
  sign admin "/O=system:masters/CN=kt-admin" client.ext || return 1
  # service-account signing key pair
  openssl genrsa -out sa.key 2048 2>/dev/null && openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null || return 1
  # static tokens: an admin, and a limited user for RBAC tests
  local admin_token limited_token
  admin_token=$(openssl rand -hex 16) limited_token=$(openssl rand -hex 16)
  printf '%s,kt-admin-token,uid-admin,"system:masters"\n%s,kt-limited,uid-limited\n' \
    "$admin_token" "$limited_token" > tokens.csv
  printf '%s' "$admin_token" > admin.token
  printf '%s' "$limited_token" > limited.token
  touch .done
  cd - >/dev/null || return 1
}

sign() { # sign NAME SUBJECT EXTFILE
  openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "$2" 2>/dev/null &&
    openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -out "$1.crt" \
      -days 3650 -extfile "$3" 2>/dev/null
}

# Contexts: kt-sandbox (client certificate, the default), kt-sandbox-token (bearer token, admin)
# and kt-sandbox-limited (a user RBAC lets see nodes and daemonsets but not pods).
write_kubeconfig() {
  local ca crt key
  ca=$(base64 -w0 < "$PKI/ca.crt") crt=$(base64 -w0 < "$PKI/admin.crt") key=$(base64 -w0 < "$PKI/admin.key")
  cat > "$KUBECONFIG_OUT.tmp" <<KC
apiVersion: v1
kind: Config
clusters:
- name: kt-sandbox
  cluster:
    server: https://$HOST:$APISERVER_PORT
    certificate-authority-data: $ca
users:
- name: kt-admin
  user:
    client-certificate-data: $crt
    client-key-data: $key
- name: kt-admin-token
  user:
    token: $(cat "$PKI/admin.token")
- name: kt-limited
  user:
    token: $(cat "$PKI/limited.token")
contexts:
- name: kt-sandbox
  context: {cluster: kt-sandbox, user: kt-admin, namespace: default}
- name: kt-sandbox-token
  context: {cluster: kt-sandbox, user: kt-admin-token}
- name: kt-sandbox-limited
  context: {cluster: kt-sandbox, user: kt-limited}
current-context: kt-sandbox
KC
  mv "$KUBECONFIG_OUT.tmp" "$KUBECONFIG_OUT"
  chmod 600 "$KUBECONFIG_OUT"
}
