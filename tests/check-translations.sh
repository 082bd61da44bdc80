#!/usr/bin/env bash
# Every user-facing string of the sources has a Chinese translation, and
# po/zh_CN.po compiles without errors.
set -euo pipefail
src=${1:?source root}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"

xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --add-comments=Translators --files-from=po/POTFILES.in \
  -o "$work/xueshi.pot" 2>"$work/xgettext.log" || {
  cat "$work/xgettext.log"; exit 1; }

msgmerge --quiet --no-fuzzy-matching po/zh_CN.po "$work/xueshi.pot" -o "$work/merged.po"
stats=$(msgfmt --check --statistics -o /dev/null "$work/merged.po" 2>&1)
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "po/zh_CN.po is missing translations; untranslated messages:"
    msgattrib --untranslated "$work/merged.po" | grep "^msgid" || true
    exit 1;;
esac
