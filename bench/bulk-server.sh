#!/usr/bin/env bash
# A second PostgreSQL cluster holding a copy of the stock one, with bench/postgresql-bulk.conf added,
# so that the pipeline bench can run on the same data under both settings side by side without
# touching the stock server's configuration (CI uses that server as this machine leaves it).
#
#   bash bench/bulk-server.sh create   # stops the stock cluster for the copy, starts both; port 5433
#   bash bench/bulk-server.sh drop     # removes the second cluster
#
# Needs root (pg_createcluster, a cold copy of the data directory). Debian's PostgreSQL layout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=$(ls /etc/postgresql | sort -V | tail -n 1)
name=bulk
port=${WORKBENCH_BULK_PORT:-5433}
case "${1:-}" in
  create)
    if pg_lsclusters -h | awk '{print $2}' | grep -qx "$name"; then
      echo "cluster $version/$name exists; drop it first" >&2
      exit 1
    fi
    pg_createcluster "$version" "$name" -p "$port" >/dev/null
    src=$(pg_lsclusters -h | awk '$2 == "main" {print $6}')
    dst=$(pg_lsclusters -h | awk -v n="$name" '$2 == n {print $6}')
    cp /etc/postgresql/"$version"/main/conf.d/*.conf /etc/postgresql/"$version"/"$name"/conf.d/ 2>/dev/null || true
    # The copied 90-ci.conf names the stock port: the second cluster's comes last and wins.
    { cat "$here/postgresql-bulk.conf"; echo "port = $port"; } > /etc/postgresql/"$version"/"$name"/conf.d/99-bulk.conf
    cp /etc/postgresql/"$version"/main/pg_hba.conf /etc/postgresql/"$version"/"$name"/pg_hba.conf
    pg_ctlcluster --skip-systemctl-redirect "$version" main stop
    rm -rf "$dst"
    cp -a "$src" "$dst"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start
    psql -h 127.0.0.1 -p "$port" -U postgres -Atc "select 'started on port ' || current_setting('port') || ', shared_buffers ' || current_setting('shared_buffers') || ', max_wal_size ' || current_setting('max_wal_size')"
    ;;
  drop)
    pg_dropcluster --stop "$version" "$name"
    # pg_dropcluster leaves the conf.d files it did not make.
    rm -rf /etc/postgresql/"$version"/"$name"
    ;;
  *)
    echo "usage: bash bench/bulk-server.sh create|drop" >&2
    exit 2
    ;;
esac
