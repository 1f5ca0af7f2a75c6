#!/usr/bin/env bash
# Starts a throwaway RabbitMQ broker on 127.0.0.1 for the queue tests and exports PARALLAX_TEST_RABBITMQ (an AMQP URI
# for a user that may declare and use queues on the default virtual host).
#
#   . .ci/rabbitmq.sh                 # .ci/run sources it; the variable lands in the caller's shell
#   eval "$(bash .ci/rabbitmq.sh)"    # by hand: prints the export line on stdout
#
# Safe to run twice: it installs rabbitmq-server from Debian only when missing, reuses a running broker, and resets the
# test user's password. The node (parallax-test@localhost) keeps its database and logs in $PARALLAX_MQ_DIR (default
# /var/tmp/parallax-test-rabbitmq), listens for AMQP on 127.0.0.1:$PARALLAX_MQ_PORT (default 56729) only, and its
# Erlang distribution and port mapper listen on loopback too. The Debian service (if any) is left alone.
# When sourced it never exits the caller: on failure it says why and leaves the variable unset, so the queue tests
# fail with their own message under CI=true.

_px_mq_main() {
  local dir="${PARALLAX_MQ_DIR:-/var/tmp/parallax-test-rabbitmq}"
  local port="${PARALLAX_MQ_PORT:-56729}"
  local user=parallax_test node=parallax-test@localhost
  local lib=/usr/lib/rabbitmq/bin run_as=()

  if [ ! -x "$lib/rabbitmq-server" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "rabbitmq.sh: RabbitMQ is not installed; run 'sudo apt-get install -y rabbitmq-server' first." >&2
      return 1
    fi
    echo "rabbitmq.sh: installing rabbitmq-server from Debian…" >&2
    # The package starts its own service on install where an init system runs; policy-rc.d keeps it from doing so.
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1; fi
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null; }; then
      [ "$created_policy" -eq 1 ] && rm -f "$policy"
      echo "rabbitmq.sh: apt-get install rabbitmq-server failed." >&2
      return 1
    fi
    [ "$created_policy" -eq 1 ] && rm -f "$policy"
  fi

  mkdir -p "$dir/mnesia" "$dir/log"
  # The broker runs as the package's 'rabbitmq' user when started by root; its cookie lives in $dir (its HOME here).
  if [ "$(id -u)" -eq 0 ]; then
    if ! id rabbitmq >/dev/null 2>&1; then echo "rabbitmq.sh: the 'rabbitmq' user is missing." >&2; return 1; fi
    chown -R rabbitmq:rabbitmq "$dir"
    run_as=(runuser -u rabbitmq --)
  fi
  local env=(env HOME="$dir" RABBITMQ_NODENAME="$node" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$port"
    RABBITMQ_DIST_PORT="$((port + 1))" RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$((port + 2))"
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/rabbit.pid"
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" RABBITMQ_CONFIG_FILE="$dir/rabbitmq"
    RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config" RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf")
  local ctl=("${run_as[@]}" "${env[@]}" "$lib/rabbitmqctl" -q -n "$node")

  if ! "${ctl[@]}" ping >/dev/null 2>&1; then
    [ -e "$dir/enabled_plugins" ] || { echo '[].' >"$dir/enabled_plugins"; [ "$(id -u)" -eq 0 ] && chown rabbitmq:rabbitmq "$dir/enabled_plugins"; }
    # Detached with setsid so the broker outlives this shell and ignores the caller's Ctrl-C.
    (cd "$dir" && setsid "${run_as[@]}" "${env[@]}" "$lib/rabbitmq-server" >"$dir/server.out" 2>&1 </dev/null &)
  fi
  # await_startup gives up at once while the node is not reachable yet, so it is retried.
  local i ready=0
  for i in $(seq 1 60); do
    if timeout 60 "${ctl[@]}" await_startup --timeout 50 >/dev/null 2>&1; then ready=1; break; fi
    sleep 2
  done
  if [ "$ready" -ne 1 ]; then
    echo "rabbitmq.sh: the broker did not start; see $dir/server.out and $dir/log" >&2
    return 1
  fi

  # A fresh password each run: nothing needs to remember it but the exported variable.
  local password
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  if ! "${ctl[@]}" list_users 2>/dev/null | awk '{print $1}' | grep -qx "$user"; then
    "${ctl[@]}" add_user "$user" "$password" >/dev/null 2>&1
  fi
  if ! { "${ctl[@]}" change_password "$user" "$password" >/dev/null 2>&1 &&
         "${ctl[@]}" set_permissions -p / "$user" '.*' '.*' '.*' >/dev/null 2>&1; }; then
    echo "rabbitmq.sh: could not create the test user; see $dir/log" >&2
    return 1
  fi

  PARALLAX_TEST_RABBITMQ="amqp://$user:$password@127.0.0.1:$port/"
  export PARALLAX_TEST_RABBITMQ
  echo "rabbitmq.sh: RabbitMQ ready on 127.0.0.1:$port (node $node, data in $dir)" >&2
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  _px_mq_main || echo "rabbitmq.sh: PARALLAX_TEST_RABBITMQ is not set; the RabbitMQ queue tests will fail under CI=true." >&2
  unset -f _px_mq_main
else
  set -u
  _px_mq_main || exit 1
  printf 'export PARALLAX_TEST_RABBITMQ=%q\n' "$PARALLAX_TEST_RABBITMQ"
fi
