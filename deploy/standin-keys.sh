#!/bin/sh
# The stand-in partners' keys, made on the stack's first start into the partner-keys volume, so
# no key is ever committed: the SFTP stand-in's host key (pinned by the init service in the
# stand-in's connection, deploy/standin_partners.py) and the hub's client key (authorised by the
# stand-in). A key already there is kept, so the stand-in keeps its identity across restarts.
# Run as root: the host key stays readable by root (the SFTP server) alone; the hub's key goes to
# OWNER (the hub image's airflow user, uid 50000).
#
# Usage: standin-keys.sh DIR OWNER
set -eu
keys=${1:?usage: standin-keys.sh DIR OWNER}
owner=${2:?usage: standin-keys.sh DIR OWNER}
umask 077
mkdir -p "$keys"
for name in standin_host_ed25519 hub_ed25519; do
  if [ ! -f "$keys/$name" ]; then
    ssh-keygen -q -t ed25519 -N '' -C "$name" -f "$keys/$name"
  fi
  chmod 600 "$keys/$name"
  chmod 644 "$keys/$name.pub"
done
chown "$owner" "$keys/hub_ed25519"
chmod 755 "$keys"
echo "stand-in keys in $keys: host $(ssh-keygen -l -f "$keys/standin_host_ed25519.pub")"
