#!/usr/bin/env bash
# `meson devenv` runs the programs from the build tree as if installed: the
# compiled schema, the build's Chinese translations and the icons.
#   check-devenv.sh BUILD_ROOT
set -uo pipefail
build=${1:?build root}
n=0
failed=0

check() {
  local what=$1
  shift
  n=$((n + 1))
  local output
  if output=$("$@" 2>&1); then
    echo "ok $n $what"
  else
    echo "not ok $n $what"
    [ -n "$output" ] && sed 's/^/# /' <<< "$output"
    failed=1
  fi
}

env_dump=$(meson devenv -C "$build" --dump) || { echo "Bail out! meson devenv --dump failed"; exit 1; }
set +u
eval "$env_dump"
set -u
unset LC_ALL LANG LANGUAGE

has_mo() { [ -f "$XUESHI_LOCALEDIR/zh_CN/LC_MESSAGES/xueshi.mo" ]; }
schema_found() { GSETTINGS_BACKEND=memory gsettings list-keys io.github.xueshi.Xueshi | grep -x base-name; }
cli_in_chinese() { LANGUAGE=zh_CN LC_ALL=C.UTF-8 xueshi-cli --help | grep '用法'; }
icon_found() {
  local dir
  IFS=: read -ra dirs <<< "$XDG_DATA_DIRS"
  for dir in "${dirs[@]}"; do
    [ -n "$dir" ] && [ -f "$dir/icons/hicolor/scalable/apps/io.github.xueshi.Xueshi.svg" ] && return 0
  done
  return 1
}
system_dirs_kept() { [[ ":$XDG_DATA_DIRS:" == *":/usr/share:"* ]]; }
icon_in_resources() {
  local window=$build/app/gui/xueshi
  [ ! -x "$window" ] && return 0   # built without the window
  gresource list "$window" | grep -x '/io/github/xueshi/Xueshi/icons/scalable/apps/io.github.xueshi.Xueshi.svg'
}
no_schema_no_abort() {
  local window=$build/app/gui/xueshi status=0 output
  [ ! -x "$window" ] && return 0
  output=$(env -u GSETTINGS_SCHEMA_DIR XDG_DATA_DIRS=/nonexistent LANGUAGE=en LC_ALL=C.UTF-8 \
           "$window" --version 2>&1) || status=$?
  echo "$output"
  [ "$status" -eq 1 ] && grep 'meson devenv' <<< "$output"
}

echo "1..7"
check "XUESHI_LOCALEDIR holds the compiled Chinese translation" has_mo
check "GSETTINGS_SCHEMA_DIR holds the compiled schema" schema_found
check "xueshi-cli speaks Chinese from the build tree" cli_in_chinese
check "XDG_DATA_DIRS finds the application icon" icon_found
check "XDG_DATA_DIRS keeps the system folders" system_dirs_kept
check "the window's icon is in its resources" icon_in_resources
check "without its schema the window says what to do instead of aborting" no_schema_no_abort
exit $failed
